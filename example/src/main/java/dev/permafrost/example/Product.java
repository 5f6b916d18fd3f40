package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.Table;
import java.time.Instant;

/** A customer's product under test. */
@Table(name = "products")
@Index(columns = "customer_id")
public class Product {
    @Id
    long id;

    long customerId;

    @Column(length = 200, nullable = false)
    String name;

    @Column(nullable = false, defaultValue = "CURRENT_TIMESTAMP")
    Instant createdAt;

    Instant featuresSyncedAt;
}
