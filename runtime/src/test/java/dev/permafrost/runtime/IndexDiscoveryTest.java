package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime finds the generated index resource of each module on the class path, and only there. */
class IndexDiscoveryTest {

    @TempDir
    Path dir;

    private Path module(String name, String index) throws Exception {
        Path file = dir.resolve(name).resolve(ResourceMigrationIndex.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, index);
        return dir.resolve(name);
    }

    private static String index(String pkg) {
        return "# Permafrost migration index\npackage\t" + pkg + "\n1\tc1\t" + pkg + ".V0001_Baseline\tbaseline\n"
                + "2\tc2\t" + pkg + ".V0002_AddEmail\tadd email\tto customers\nentity\tcom.acme.Customer\n";
    }

    private static <T> T on(List<Path> modules, Callable<T> action) throws Exception {
        URL[] urls = new URL[modules.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = modules.get(i).toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            thread.setContextClassLoader(loader);
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theOneIndexIsFoundAndRead() throws Exception {
        Path shop = module("shop", index("com.acme.shop.migrations"));
        MigrationIndex index = on(List.of(shop), dev.permafrost.runtime.internal.Indexes::find);
        assertEquals(List.of(new MigrationEntry(1, "baseline", "c1", "com.acme.shop.migrations.V0001_Baseline"),
                new MigrationEntry(2, "add email\tto customers", "c2", "com.acme.shop.migrations.V0002_AddEmail")),
                index.migrations());
        assertEquals(List.of("com.acme.Customer"), index.entities());
        assertEquals("the migrations of com.acme.shop.migrations", index.toString());
    }

    @Test
    void severalModulesNeedAChoiceAndInPackageMakesIt() throws Exception {
        List<Path> modules = List.of(module("shop", index("com.acme.shop.migrations")),
                module("billing", index("com.acme.billing.migrations")));
        PermafrostException several = on(modules, () -> assertThrows(PermafrostException.class,
                () -> Migrator.create("jdbc:sqlite::memory:").status()));
        assertEquals(ErrorCode.NO_MIGRATIONS, several.code());
        assertEquals("several modules on the class path have migrations, in packages [com.acme.shop.migrations,"
                + " com.acme.billing.migrations]. Choose one with Migrator.configure(..).migrations("
                + "MigrationIndex.inPackage(\"com.acme.shop.migrations\")).", several.getMessage());

        MigrationIndex billing = on(modules, () -> MigrationIndex.inPackage("com.acme.billing.migrations"));
        assertEquals("com.acme.billing.migrations.V0001_Baseline", billing.migrations().get(0).className());

        PermafrostException unknown = on(modules, () -> assertThrows(PermafrostException.class,
                () -> MigrationIndex.inPackage("com.acme.migrations")));
        assertEquals("no migrations in package com.acme.migrations on the class path; the packages with migrations are"
                + " [com.acme.shop.migrations, com.acme.billing.migrations]", unknown.getMessage());
    }

    @Test
    void noIndexSaysHowToGetOne() throws Exception {
        PermafrostException none = on(List.of(dir), () -> assertThrows(PermafrostException.class,
                () -> Migrator.create("jdbc:sqlite::memory:").migrate()));
        assertEquals("no Permafrost migrations on the class path (no META-INF/permafrost/index.txt): the annotation"
                + " processor generates their index when it compiles the entities. Add"
                + " dev.permafrost:permafrost-processor to the compiler's annotationProcessorPaths and rebuild.",
                none.getMessage());
    }

    @Test
    void aDamagedIndexNamesItsLine() throws Exception {
        Path broken = module("broken", "package\tcom.acme.migrations\n1\tc1 com.acme.migrations.V0001_Baseline\n");
        IllegalStateException error = on(List.of(broken), () -> assertThrows(IllegalStateException.class,
                () -> ResourceMigrationIndex.all(Thread.currentThread().getContextClassLoader())));
        assertEquals("the migration index " + broken.resolve(ResourceMigrationIndex.RESOURCE).toUri().toURL()
                + " has a line it cannot read: 1\tc1 com.acme.migrations.V0001_Baseline; rebuild the module",
                error.getMessage());

        Path old = module("old", "1\tc1\tcom.acme.migrations.V0001_Baseline\tbaseline\n");
        error = on(List.of(old), () -> assertThrows(IllegalStateException.class,
                () -> ResourceMigrationIndex.all(Thread.currentThread().getContextClassLoader())));
        assertEquals("the migration index " + old.resolve(ResourceMigrationIndex.RESOURCE).toUri().toURL()
                + " names no package; it was written by another version of Permafrost's processor: rebuild the module",
                error.getMessage());
    }

    @Test
    void aMissingMigrationClassNamesTheIndex() throws Exception {
        Path shop = module("shop", index("com.acme.shop.migrations"));
        IllegalStateException error = on(List.of(shop), () -> {
            ResourceMigrationIndex index = ResourceMigrationIndex.all(Thread.currentThread().getContextClassLoader()).get(0);
            return assertThrows(IllegalStateException.class, () -> index.load(index.migrations().get(0)));
        });
        assertEquals("cannot create migration com.acme.shop.migrations.V0001_Baseline listed in "
                + shop.resolve(ResourceMigrationIndex.RESOURCE).toUri().toURL() + ": it needs a public no-argument"
                + " constructor and must implement Migration", error.getMessage());
    }
}
