package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Identity;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.References;
import dev.permafrost.annotations.ReferentialAction;
import dev.permafrost.annotations.SqlType;
import dev.permafrost.annotations.Table;
import java.time.Instant;

/** A bug a test found. */
@Table(name = "bugs")
@Index(columns = "test_id")
public record Bug(
        @Id @Identity long id,
        @References(onDelete = ReferentialAction.CASCADE) @Column(nullable = false) TestRun test,
        @Column(length = 200, nullable = false) String title,
        @Column(length = 10, nullable = false) Severity severity,
        @Column(type = SqlType.TEXT) String description,
        @Column(nullable = false) Instant reportedAt) {
}
