package dev.permafrost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.permafrost.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new project made only of the files README.md gives, built with real Maven, every test starting from a
 * project that has never been compiled. Maven runs on the JDK the build was started on (17 on these
 * machines), as a newcomer's does; the README's toolchain selects a JDK 21+ for compiling and testing.
 */
class ReadmeProjectIT {

    private static final String MIGRATIONS = "com/acme/migrations/";

    @TempDir
    Path work;

    private SampleProject project() throws Exception {
        return SampleProject.fromReadme(work.resolve("shop"));
    }

    /** The JDK the tests run on: the toolchain's, 21 or newer. */
    private static Path jdk() {
        return Path.of(System.getProperty("java.home"));
    }

    private static String java() {
        return jdk().resolve("bin").resolve("java").toString();
    }

    @Test
    void theFirstPackageGivesClassesThatMigrateWithoutASecondCompile() throws Exception {
        SampleProject shop = project();

        SampleProject.Run packaged = shop.mvn("package");
        assertEquals(0, packaged.exitCode(), packaged.output());
        assertTrue(packaged.output().contains("Tests run: 9, Failures: 0, Errors: 0, Skipped: 0"), packaged.output());
        assertTrue(Files.exists(shop.file("src/main/java/" + MIGRATIONS + "V0001_Baseline.java")));
        try (JarFile jar = new JarFile(shop.file("target/shop-1.0.jar").toFile())) {
            assertTrue(jar.getEntry(MIGRATIONS + "V0001_Baseline.class") != null, "the first jar has the baseline");
            assertTrue(jar.getEntry(MIGRATIONS + "PermafrostIndex.class") != null, "and its index");
        }

        SampleProject.Run classpath = shop.mvn("-q", "dependency:build-classpath", "-DincludeScope=runtime",
                "-Dmdep.outputFile=target/classpath.txt");
        assertEquals(0, classpath.exitCode(), classpath.output());
        String dependencies = Files.readString(shop.file("target/classpath.txt")).trim();
        SampleProject.Run start = shop.exec(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp",
                "target/classes" + File.pathSeparator + dependencies, "com.acme.App"));

        assertEquals(0, start.exitCode(), start.output());
        assertTrue(start.output().contains("\nmigrated SQLite jdbc:sqlite:shop.db from V0000 to V0001 in "),
                start.output());
        assertTrue(start.output().contains("SQLite jdbc:sqlite:shop.db: at V0001, up to date"), start.output());
        assertTrue(Files.exists(shop.file("shop.db")), "the database lands where the application runs");
        assertFalse(start.output().contains("jOOQ"), start.output());
        assertFalse(start.output().contains("WARNING"), start.output());
    }

    /**
     * The test kit runs its nine checks with the JUnit the project already has: the line Spring Boot 3.5
     * manages, the one whose mix with the kit's own used to crash the forked JVM, and JUnit 6.
     */
    @ParameterizedTest
    @ValueSource(strings = {"5.12.2", "5.13.4", "6.0.3"})
    void theFirstTestRunsTheEightChecksOnTheProjectsOwnJUnit(String junit) throws Exception {
        SampleProject shop = project();
        shop.replace("pom.xml", "<junit.version>5.14.4</junit.version>", "<junit.version>" + junit + "</junit.version>");

        SampleProject.Run test = shop.mvn("test");

        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("Tests run: 9, Failures: 0, Errors: 0, Skipped: 0"), test.output());
        assertFalse(test.output().contains("applied V0001"), "a passing run prints a few lines:\n" + test.output());
        assertFalse(test.output().contains("OutputDirectoryCreator"), test.output());

        SampleProject.Run list = shop.mvn("-q", "dependency:list", "-DincludeGroupIds=org.junit.jupiter,org.junit.platform",
                "-DoutputFile=target/junit.txt");
        assertEquals(0, list.exitCode(), list.output());
        List<String> junitJars = Files.readAllLines(shop.file("target/junit.txt")).stream().map(String::trim)
                .filter(l -> l.startsWith("org.junit")).toList();
        assertTrue(junitJars.stream().anyMatch(l -> l.startsWith("org.junit.jupiter:junit-jupiter-api:jar:" + junit)),
                junitJars.toString());
        assertTrue(junitJars.stream().filter(l -> l.startsWith("org.junit.jupiter:"))
                .allMatch(l -> l.contains(":jar:" + junit + ":")), "only the project's JUnit: " + junitJars);
    }

    @Test
    void theFirstCompileAndExecJavaMigrateWhenMavenRunsOnJdk21OrNewer() throws Exception {
        SampleProject shop = project();

        SampleProject.Run run = shop.mvnOn(jdk(), "compile", "exec:java");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("migrated SQLite jdbc:sqlite:shop.db from V0000 to V0001 in "), run.output());
        assertTrue(Files.exists(shop.file("shop.db")));
    }

    @Test
    void theFirstCompileAndExecExecMigrateWithTheToolchain() throws Exception {
        SampleProject shop = project();

        SampleProject.Run run = shop.mvn("compile", "exec:exec");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("migrated SQLite jdbc:sqlite:shop.db from V0000 to V0001 in "), run.output());
        assertFalse(run.output().contains("restricted method"), run.output());
    }

    /**
     * Without the toolchain, on a JDK older than 21, the build says which JDK to select: on the first build,
     * and on a later one whose stubs javac must read, never a class-version error.
     */
    @Test
    void aCompilerOnAnOldJdkIsToldWhichJdkToSelect() throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(jdk17.resolve("bin/javac")),
                "needs a JDK 17 at " + jdk17 + " to compile on; skipped");
        SampleProject shop = project();
        String pom = shop.read("pom.xml");
        String toolchain = pom.substring(pom.indexOf("      <!-- Compile, test and run with a JDK 21+"),
                pom.indexOf("      <!-- The processor reads the entities"));
        shop.replace("pom.xml", toolchain, "");
        shop.replace("pom.xml", "<maven.compiler.release>21</maven.compiler.release>",
                "<maven.compiler.release>17</maven.compiler.release>");

        SampleProject.Run first = shop.mvnOn(jdk17, "compile");
        assertNotEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("[PF107] Permafrost's annotation processor needs javac to run on JDK 21 or"
                + " newer, but it runs on Java 17"), first.output());
        assertFalse(first.output().contains("wrong version"), first.output());
        assertFalse(first.output().contains("class file version"), first.output());

        assertEquals(0, shop.mvnOn(jdk(), "compile", "-Dmaven.compiler.release=21").exitCode(), "a build on 21 writes V0001");
        SampleProject.Run later = shop.mvnOn(jdk17, "compile");
        assertNotEquals(0, later.exitCode(), later.output());
        assertTrue(later.output().contains("[PF107]"), later.output());
        assertFalse(later.output().contains("wrong version"), later.output());
    }

    /**
     * An application on PostgreSQL excludes sqlite-jdbc, as the README says, and migrates without it on its
     * class path.
     */
    @Test
    void anApplicationOnPostgresqlMigratesWithoutSqliteJdbc() throws Exception {
        SampleProject shop = project();
        shop.replace("pom.xml", """
                      <artifactId>permafrost-runtime</artifactId>
                      <version>${permafrost.version}</version>
                    </dependency>
                """, """
                      <artifactId>permafrost-runtime</artifactId>
                      <version>${permafrost.version}</version>
                      <exclusions>
                        <exclusion>
                          <groupId>org.xerial</groupId>
                          <artifactId>sqlite-jdbc</artifactId>
                        </exclusion>
                      </exclusions>
                    </dependency>
                    <dependency>
                      <groupId>org.postgresql</groupId>
                      <artifactId>postgresql</artifactId>
                      <version>42.7.13</version>
                      <scope>runtime</scope>
                    </dependency>
                """);
        try (TestDatabase.Fresh db = TestDatabase.POSTGRES.create(work)) {
            SampleProject.Run packaged = shop.mvn("package");
            assertEquals(0, packaged.exitCode(), packaged.output());
            assertEquals(0, shop.mvn("-q", "dependency:build-classpath", "-DincludeScope=runtime",
                    "-Dmdep.outputFile=target/classpath.txt").exitCode());
            String dependencies = Files.readString(shop.file("target/classpath.txt")).trim();
            assertFalse(dependencies.contains("sqlite-jdbc"), dependencies);

            SampleProject.Run start = shop.exec(List.of(java(), "-cp",
                    "target/classes" + File.pathSeparator + dependencies, "com.acme.App"), Map.of("DATABASE_URL", db.url()));

            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("\nmigrated PostgreSQL "), start.output());
            assertTrue(start.output().contains("from V0000 to V0001"), start.output());
            try (Connection c = DriverManager.getConnection(db.url());
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from customers")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    /** Building Permafrost itself without its tests works on a local repository that has never seen it. */
    @Test
    void permafrostInstallsWithoutTestsIntoAFreshLocalRepository() throws Exception {
        Path source = Path.of(System.getProperty("repository.dir"));
        Path copy = work.resolve("permafrost");
        List<String> files = tracked(source);
        for (String file : files) {
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve(file), target);
        }
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-Dstyle.color=never", "-s",
                System.getProperty("settings.file"), "-Dmaven.repo.local=" + work.resolve("fresh-repository"),
                "-Dmaven.test.skip=true", "install"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("maven.java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(Files.exists(work.resolve("fresh-repository/dev/permafrost/permafrost-runtime")), output);
    }

    /**
     * The repository's files as git sees them (committed, and new ones it does not ignore), or every file outside
     * build outputs when git is not there.
     */
    private static List<String> tracked(Path source) throws Exception {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                    .directory(source.toFile()).start();
            List<String> files = new String(git.getInputStream().readAllBytes()).lines().toList();
            if (git.waitFor() == 0 && !files.isEmpty()) {
                return files.stream().filter(f -> Files.isRegularFile(source.resolve(f))).toList();
            }
        } catch (java.io.IOException e) {
            // No git: walk the tree below.
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).map(p -> source.relativize(p).toString())
                    .filter(f -> !f.contains("target/") && !f.startsWith(".git/")).toList();
        }
    }
}
