package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime finds each module's index class through ServiceLoader and reads the list beside it. */
class IndexDiscoveryTest {

    @TempDir
    Path dir;

    /** A compiled module with an index class, its list and its service registration, as the processor leaves it. */
    private Path module(String name, String pkg, String list) throws Exception {
        Path root = dir.resolve(name);
        Path packageDir = Files.createDirectories(root.resolve(pkg.replace('.', '/')));
        Path source = packageDir.resolve("PermafrostIndex.java");
        Files.writeString(source, "package " + pkg + ";\npublic final class PermafrostIndex extends "
                + ResourceMigrationIndex.class.getName() + " {\n}\n");
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", root.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString());
        assertEquals(0, exit, "compiling the index class");
        Files.writeString(packageDir.resolve(ResourceMigrationIndex.RESOURCE), list);
        Path service = Files.createDirectories(root.resolve("META-INF/services"))
                .resolve(MigrationIndex.class.getName());
        Files.writeString(service, pkg + ".PermafrostIndex\n");
        return root;
    }

    private static String list(String pkg) {
        return "# Permafrost migration index\n1\tc1\ts1\t" + pkg + ".V0001_Baseline\tbaseline\n"
                + "2\tc2\ts2\t" + pkg + ".V0002_AddEmail\tadd email\tto customers\n"
                + "entity\tcom.acme.Customer\tcustomers\n";
    }

    private static <T> T on(List<Path> modules, Callable<T> action) throws Exception {
        URL[] urls = new URL[modules.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = modules.get(i).toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, IndexDiscoveryTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theOneIndexIsFoundAndRead() throws Exception {
        Path shop = module("shop", "com.acme.shop.migrations", list("com.acme.shop.migrations"));
        MigrationIndex index = on(List.of(shop), () -> {
            MigrationIndex found = MigrationIndex.find();
            found.migrations();
            return found;
        });
        assertEquals(List.of(new MigrationEntry(1, "baseline", "c1", "com.acme.shop.migrations.V0001_Baseline", "s1"),
                new MigrationEntry(2, "add email\tto customers", "c2", "com.acme.shop.migrations.V0002_AddEmail", "s2")),
                index.migrations());
        assertEquals(List.of("com.acme.Customer"), index.entities());
        assertEquals("com.acme.shop.migrations.PermafrostIndex", index.toString());
    }

    @Test
    void severalModulesNeedAChoiceAndInPackageMakesIt() throws Exception {
        List<Path> modules = List.of(module("shop", "com.acme.shop.migrations", list("com.acme.shop.migrations")),
                module("billing", "com.acme.billing.migrations", list("com.acme.billing.migrations")));
        PermafrostException several = on(modules, () -> assertThrows(PermafrostException.class,
                () -> Migrator.create("jdbc:sqlite:" + dir.resolve("several.db")).status()));
        assertEquals(ErrorCode.NO_MIGRATIONS, several.code());
        assertEquals("several modules on the class path have migrations: [com.acme.shop.migrations.PermafrostIndex,"
                + " com.acme.billing.migrations.PermafrostIndex]. Choose one with Migrator.configure(..).migrations("
                + "MigrationIndex.inPackage(\"com.acme.shop.migrations\")).", several.getMessage());

        String first = on(modules, () -> MigrationIndex.inPackage("com.acme.billing.migrations").migrations().get(0)
                .className());
        assertEquals("com.acme.billing.migrations.V0001_Baseline", first);

        PermafrostException unknown = on(modules, () -> assertThrows(PermafrostException.class,
                () -> MigrationIndex.inPackage("com.acme.migrations")));
        assertEquals("no migrations in package com.acme.migrations on the class path; the packages with migrations are"
                + " [com.acme.shop.migrations, com.acme.billing.migrations]", unknown.getMessage());
    }

    @Test
    void noIndexSaysHowToGetOne() throws Exception {
        PermafrostException none = on(List.of(dir), () -> assertThrows(PermafrostException.class,
                () -> Migrator.create("jdbc:sqlite:" + dir.resolve("none.db")).migrate()));
        assertEquals("no Permafrost migrations on the class path: the annotation processor generates their index when"
                + " it compiles the entities. Add dev.permafrost:permafrost-processor to the compiler's"
                + " annotationProcessorPaths and rebuild.", none.getMessage());
    }

    @Test
    void aDamagedOrMissingListSaysSo() throws Exception {
        Path broken = module("broken", "com.acme.migrations", "1\tc1 com.acme.migrations.V0001_Baseline\n");
        PermafrostException error = on(List.of(broken), () -> assertThrows(PermafrostException.class,
                () -> MigrationIndex.find().migrations()));
        assertEquals(ErrorCode.NO_MIGRATIONS, error.code());
        assertEquals("the migration index com.acme.migrations.PermafrostIndex has a line it cannot read: 1\tc1"
                + " com.acme.migrations.V0001_Baseline; rebuild the module (mvn clean package)", error.getMessage());

        Path missing = module("missing", "com.acme.other", "");
        Files.delete(missing.resolve("com/acme/other").resolve(ResourceMigrationIndex.RESOURCE));
        error = on(List.of(missing), () -> assertThrows(PermafrostException.class, () -> MigrationIndex.find().entities()));
        assertEquals(ErrorCode.NO_MIGRATIONS, error.code());
        assertEquals("the migration index com.acme.other.PermafrostIndex has no permafrost-index.txt beside it: the"
                + " annotation processor writes it into the class output at every build, so this build ran without"
                + " the processor or its output was copied only in part. Rebuild the module with"
                + " dev.permafrost:permafrost-processor in the compiler's annotationProcessorPaths (mvn clean package)",
                error.getMessage());
    }

    @Test
    void aMissingMigrationClassIsReportedAsMissing() throws Exception {
        Path shop = module("shop", "com.acme.shop.migrations", list("com.acme.shop.migrations"));
        PermafrostException error = on(List.of(shop), () -> {
            MigrationIndex index = MigrationIndex.find();
            return assertThrows(PermafrostException.class, () -> index.load(index.migrations().get(0)));
        });
        assertEquals(ErrorCode.NO_MIGRATIONS, error.code());
        assertEquals("migration V0001 (baseline) is listed in com.acme.shop.migrations.PermafrostIndex, but its class"
                + " com.acme.shop.migrations.V0001_Baseline is not on the class path: the build that wrote the index did"
                + " not compile it (a partial or interrupted build), or the jar was assembled without it. Rebuild the"
                + " module (mvn clean package) and make sure com/acme/shop/migrations/V0001_Baseline.java is"
                + " committed.", error.getMessage());
        assertTrue(error.getCause() instanceof ClassNotFoundException, String.valueOf(error.getCause()));
    }

    /** The newest schema beside the list is taken only when it is the one the list records, by version and SHA-256. */
    @Test
    void theNewestSchemaIsTheOneTheListRecordsOrNone() throws Exception {
        String pkg = "com.acme.shop.migrations";
        String checkpoint = dev.permafrost.snapshot.SchemaCheckpoint.write(2, dev.permafrost.model.Fixtures.shop());
        String sha = dev.permafrost.model.Names.sha256Hex(checkpoint);
        Path good = module("good", pkg, list(pkg) + "schema\t2\t" + sha + "\n");
        Files.writeString(good.resolve(pkg.replace('.', '/')).resolve(dev.permafrost.snapshot.SchemaCheckpoint.RESOURCE),
                checkpoint);
        assertEquals(dev.permafrost.model.Fixtures.shop(), on(List.of(good), () -> MigrationIndex.find().newestSchema()));

        Path edited = module("edited", pkg, list(pkg) + "schema\t2\t" + sha + "\n");
        Files.writeString(edited.resolve(pkg.replace('.', '/')).resolve(dev.permafrost.snapshot.SchemaCheckpoint.RESOURCE),
                checkpoint.replace("table\tproducts", "table\tgoods"));
        assertEquals(null, on(List.of(edited), () -> MigrationIndex.find().newestSchema()), "another file than recorded");

        Path older = module("older", pkg, list(pkg) + "schema\t1\t" + sha + "\n");
        Files.writeString(older.resolve(pkg.replace('.', '/')).resolve(dev.permafrost.snapshot.SchemaCheckpoint.RESOURCE),
                checkpoint);
        assertEquals(null, on(List.of(older), () -> MigrationIndex.find().newestSchema()), "not the newest version's");

        Path missing = module("missing", pkg, list(pkg) + "schema\t2\t" + sha + "\n");
        assertEquals(null, on(List.of(missing), () -> MigrationIndex.find().newestSchema()), "no file");

        Path none = module("none", pkg, list(pkg));
        assertEquals(null, on(List.of(none), () -> MigrationIndex.find().newestSchema()), "an index of an earlier build");
    }

    /** After a squash the list names the baseline, and a migration whose stub was deleted by its checksum alone. */
    @Test
    void theListNamesTheSquashedBaselineAndDeletedStubs() throws Exception {
        String pkg = "com.acme.shop.migrations";
        Path root = module("squashed", pkg, "1\tc1\ts1\t\tbaseline\n2\tc2\ts2\t" + pkg + ".V0002_AddEmail\tadd email\n"
                + "squash\t2\tcb\t" + pkg + ".B0002_Baseline\tsquashed baseline of V0001 to V0002\n");
        MigrationIndex index = on(List.of(root), () -> {
            MigrationIndex found = MigrationIndex.find();
            found.migrations();
            return found;
        });
        assertEquals(List.of(new MigrationEntry(1, "baseline", "c1", null, "s1"),
                new MigrationEntry(2, "add email", "c2", pkg + ".V0002_AddEmail", "s2")), index.migrations());
        assertTrue(index.migrations().get(0).removed());
        assertEquals(new MigrationEntry(2, "squashed baseline of V0001 to V0002", "cb", pkg + ".B0002_Baseline", null),
                index.squashedBaseline());
        assertEquals(null, on(List.of(module("plain", pkg, list(pkg))), () -> MigrationIndex.find().squashedBaseline()));

        Path broken = module("broken", pkg, list(pkg) + "squash\t2\tcb\t\tno class\n");
        PermafrostException error = assertThrows(PermafrostException.class,
                () -> on(List.of(broken), () -> MigrationIndex.find().migrations()));
        assertEquals("PF605", error.messageCode());
    }
}
