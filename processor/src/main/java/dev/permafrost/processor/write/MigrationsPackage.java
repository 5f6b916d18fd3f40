package dev.permafrost.processor.write;

import dev.permafrost.message.Message;
import dev.permafrost.processor.Diagnostics;
import dev.permafrost.processor.Options;
import dev.permafrost.processor.read.EntitySource;
import dev.permafrost.snapshot.Manifest;
import java.nio.file.Path;
import java.util.List;
import javax.lang.model.util.Elements;

/**
 * The package the migrations live in: the one the manifest records once there is one, else the option,
 * else the entities' common package plus {@code .migrations}.
 */
public final class MigrationsPackage {

    private MigrationsPackage() {
    }

    /** The package, or {@code null} when it cannot be chosen or contradicts the manifest (reported). */
    public static String choose(Options options, Manifest manifest, List<EntitySource> entities, Path schemaDir,
                                Elements elements, Diagnostics diagnostics) {
        if (manifest != null) {
            String problem = Options.packageProblem(manifest.migrationsPackage());
            if (problem != null) {
                diagnostics.report(Message.FROZEN_FILE, Manifest.FILE + " in " + schemaDir + " names migrations"
                        + " package '" + manifest.migrationsPackage() + "', which is not a Java package name (" + problem
                        + "); restore it from version control");
                return null;
            }
            if (options.migrationsPackage() != null && !options.migrationsPackage().equals(manifest.migrationsPackage())) {
                diagnostics.report(Message.PACKAGE_MISMATCH, options.migrationsPackage(), manifest.migrationsPackage(),
                        schemaDir.resolve(Manifest.FILE), manifest.migrationsPackage());
                return null;
            }
            return manifest.migrationsPackage();
        }
        if (options.migrationsPackage() != null) {
            return options.migrationsPackage();
        }
        String common = null;
        for (EntitySource entity : entities) {
            String pkg = elements.getPackageOf(entity.type()).getQualifiedName().toString();
            common = common == null ? pkg : commonPrefix(common, pkg);
        }
        if (common == null || common.isEmpty()) {
            diagnostics.report(Message.NO_PACKAGE);
            return null;
        }
        return common + ".migrations";
    }

    private static String commonPrefix(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            sb.append(i > 0 ? "." : "").append(x[i]);
        }
        return sb.toString();
    }
}
