package dev.permafrost.runtime;

import static dev.permafrost.runtime.Ddl.column;
import static dev.permafrost.runtime.Ddl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.model.ColumnType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC driver that only the context class loader holds (an application's jar given to the command line with
 * {@code --classpath}, or a project's runtime dependency under the Maven plugin): {@code DriverManager} does not hand
 * it to the runtime, whose class loader cannot see it, so the runtime asks the context class loader's drivers.
 */
class ContextDriverTest {

    @TempDir
    Path dir;

    static final class Items implements Migration {
        @Override
        public void up(Operations op) {
            op.createTable(table("items").column(column("id", ColumnType.BIGINT).notNull()).primaryKey("pk_items", "id"));
        }

        @Override
        public void down(Operations op) {
            op.dropTable("items");
        }
    }

    @Test
    void aDriverOnlyTheContextClassLoaderHasConnects() throws Exception {
        Path classes = dir.resolve("driver");
        Path source = dir.resolve("src/fake/FakeDriver.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package fake;
                /** jdbc:fake:<file> is SQLite's jdbc:sqlite:<file>, through a driver of its own class loader. */
                public final class FakeDriver extends org.sqlite.JDBC {
                    @Override public boolean acceptsURL(String url) { return url != null && url.startsWith("jdbc:fake:"); }
                    @Override public java.sql.Connection connect(String url, java.util.Properties info) throws java.sql.SQLException {
                        return acceptsURL(url) ? super.connect("jdbc:sqlite:" + url.substring("jdbc:fake:".length()), info) : null;
                    }
                }
                """);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString()));
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/java.sql.Driver"), "fake.FakeDriver\n");
        String url = "jdbc:fake:" + dir.resolve("app.db");

        PermafrostException withoutIt = assertThrows(PermafrostException.class,
                () -> Migrator.configure(url).migrations(TestIndex.of(new Items())).build().migrate());
        assertEquals("PF621", withoutIt.messageCode(), withoutIt.getMessage());

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            MigrateResult result = Migrator.configure(url).migrations(TestIndex.of(new Items())).build().migrate();
            assertEquals(1, result.toVersion());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(List.of("items"), dev.permafrost.testing.Db.tables("jdbc:sqlite:" + dir.resolve("app.db")).stream()
                .filter(t -> !t.startsWith("permafrost")).toList());
    }
}
