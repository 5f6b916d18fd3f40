package dev.permafrost.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchTest {

    /** Run in a child JVM: makes a scratch directory holding an SQLite database and prints its path. */
    public static void main(String[] args) throws Exception {
        String url = TemporarySqlite.url();
        try (var connection = DriverManager.getConnection(url);
             var statement = connection.createStatement()) {
            statement.execute("create table t (id integer primary key)");
            statement.execute("insert into t values (1)");
        }
        Path nested = Files.createDirectories(Scratch.directory("permafrost-scratch-test").resolve("a/b"));
        Files.writeString(nested.resolve("file.txt"), "x");
        System.out.println(Path.of(url.substring("jdbc:sqlite:".length(), url.indexOf('?'))).getParent());
        System.out.println(nested.getParent().getParent());
    }

    @Test
    void scratchDirectoriesAndTheirContentsAreGoneAfterTheJvmExits() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ScratchTest.class.getName()).redirectErrorStream(false).start();
        String[] dirs = new String(child.getInputStream().readAllBytes()).strip().split("\\R");
        String errors = new String(child.getErrorStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), errors);
        assertEquals(2, dirs.length, String.join("|", dirs));
        for (String dir : dirs) {
            assertTrue(Path.of(dir).getFileName().toString().startsWith("permafrost-"), dir);
            assertFalse(Files.exists(Path.of(dir)), dir + " is still there");
        }
    }
}
