package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.permafrost.runtime.spi.MigrationEntry;
import dev.permafrost.runtime.spi.MigrationIndex;
import dev.permafrost.testing.Db;
import dev.permafrost.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Databases record the formatting-blind checksum; one migrated before that scheme keeps validating by the
 * whole-source checksum of an unchanged stub, and repair() records it anew, after which a formatter run over
 * the stub no longer matters. A change of code is a mismatch in either scheme.
 */
class ChecksumSchemeTest {

    @TempDir
    Path dir;

    private static MigrationIndex build(String checksum, String sourceChecksum) {
        Migration baseline = new MigratorSqliteTest.Baseline();
        return new MigrationIndex() {
            @Override
            public List<MigrationEntry> migrations() {
                return List.of(new MigrationEntry(1, "baseline", checksum, baseline.getClass().getName(), sourceChecksum));
            }

            @Override
            public Migration load(MigrationEntry entry) {
                return baseline;
            }
        };
    }

    private static MigrationState state(String url, MigrationIndex index) {
        return Migrator.configure(url).migrations(index).build().status().version(1).orElseThrow().state();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void aDatabaseMigratedBeforeTheSchemeKeepsValidatingAndRepairRecordsItAnew(TestDatabase kind) throws Exception {
        String source = "a".repeat(64);
        String code = "t1:" + "c".repeat(61);
        try (TestDatabase.Fresh db = kind.create(dir)) {
            Migrator.configure(db.url()).migrations(build(source, null)).build().migrate();

            MigrationIndex now = build(code, source);
            assertEquals(MigrationState.APPLIED, state(db.url(), now));
            assertEquals(List.of(), Migrator.configure(db.url()).migrations(now).build().migrate().applied(),
                    "an up-to-date start accepts the older checksum");

            Migrator.configure(db.url()).migrations(now).build().repair();
            assertEquals(List.of(code), Db.rows(db.url(), "select checksum from permafrost_history"));

            MigrationIndex reformatted = build(code, "b".repeat(64));
            assertEquals(MigrationState.APPLIED, state(db.url(), reformatted));

            MigrationIndex changed = build("t1:" + "d".repeat(61), "e".repeat(64));
            assertEquals(MigrationState.CHECKSUM_MISMATCH, state(db.url(), changed));
            PermafrostException refused = assertThrows(PermafrostException.class,
                    () -> Migrator.configure(db.url()).migrations(changed).build().migrate());
            assertEquals(ErrorCode.CHECKSUM_MISMATCH, refused.code());
        }
    }
}
