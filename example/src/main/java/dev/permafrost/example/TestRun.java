package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Identity;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.References;
import dev.permafrost.annotations.ReferentialAction;
import dev.permafrost.annotations.Table;
import java.time.Instant;

/** One test of a product. */
@Table(name = "tests")
@Index(columns = "product_id")
public class TestRun {
    @Id
    @Identity
    long id;

    @References(onDelete = ReferentialAction.CASCADE)
    @Column(nullable = false)
    Product product;

    @Column(length = 200, nullable = false)
    String title;

    @Column(length = 20, nullable = false, defaultValue = "'QUEUED'")
    TestStatus status;

    Instant startedAt;

    Instant finishedAt;
}
