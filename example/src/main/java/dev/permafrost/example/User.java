package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.RenamedFrom;
import dev.permafrost.annotations.Table;
import java.time.Instant;

/** Someone at a customer who can see test results. */
@Table(name = "users")
@Index(columns = "customer_id")
public class User {
    @Id
    long id;

    long customerId;

    @Column(length = 254, nullable = false, unique = true)
    String email;

    @RenamedFrom("display_name")
    @Column(length = 120)
    String fullName;

    @Column(nullable = false, defaultValue = "CURRENT_TIMESTAMP")
    Instant createdAt;
}
