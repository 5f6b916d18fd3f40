package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.SqlType;
import dev.permafrost.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A change received from a customer's system. */
@Table(name = "sync_events")
@Index(columns = "customer_id")
public record SyncEvent(
        @Id UUID id,
        long customerId,
        @Column(length = 40, nullable = false) String kind,
        @Column(type = SqlType.TEXT) String payload,
        @Column(nullable = false) Instant occurredAt) {
}
