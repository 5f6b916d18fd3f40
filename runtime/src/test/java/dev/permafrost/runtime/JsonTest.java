package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of the commands' results, as the command line's {@code --json} prints it. */
class JsonTest {

    @Test
    void statusWithEveryMember() {
        MigrationStatus status = new MigrationStatus("SQLite jdbc:sqlite:a.db", List.of(
                new MigrationInfo(1, "baseline", MigrationState.APPLIED, "t1:aa", "t1:aa", Instant.parse("2026-12-01T10:00:00Z"), 12),
                new MigrationInfo(2, "add \"note\"\tto\nx\u0001", MigrationState.PENDING, "t1:bb", null, null, 0)));
        assertEquals("{\"database\":\"SQLite jdbc:sqlite:a.db\",\"currentVersion\":1,\"upToDate\":false,\"migrations\":["
                + "{\"version\":1,\"description\":\"baseline\",\"state\":\"APPLIED\",\"checksum\":\"t1:aa\","
                + "\"appliedChecksum\":\"t1:aa\",\"appliedAt\":\"2026-12-01T10:00:00Z\",\"executionMillis\":12},"
                + "{\"version\":2,\"description\":\"add \\\"note\\\"\\tto\\nx\\u0001\",\"state\":\"PENDING\",\"checksum\":\"t1:bb\","
                + "\"appliedChecksum\":null,\"appliedAt\":null,\"executionMillis\":0}]}", status.toJson());
    }

    @Test
    void planValidationResultAndError() {
        assertEquals("{\"database\":\"d\",\"fromVersion\":0,\"toVersion\":1,\"steps\":[{\"version\":1,\"description\":"
                + "\"baseline\",\"direction\":\"up\",\"statements\":[\"create table t (a integer)\"]}]}",
                new MigrationPlan("d", 0, 1, List.of(new MigrationPlan.Step(1, "baseline", true,
                        List.of("create table t (a integer)")))).toJson());
        assertEquals("{\"database\":\"d\",\"version\":3,\"valid\":false,\"problems\":[\"table x is missing\"]}",
                new Validation("d", 3, List.of("table x is missing")).toJson());
        assertEquals("{\"database\":\"d\",\"fromVersion\":1,\"toVersion\":1,\"millis\":5,\"applied\":[],\"reverted\":[]}",
                new MigrateResult("d", 1, 1, List.of(), List.of(), 5).toJson());
        assertEquals("{\"error\":{\"code\":\"PF803\",\"kind\":\"CHECKSUM_MISMATCH\",\"message\":\"changed \\\\ here\"}}",
                new PermafrostException(ErrorCode.CHECKSUM_MISMATCH, "PF803", "changed \\ here", null).toJson());
    }
}
