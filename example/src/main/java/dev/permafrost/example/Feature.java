package dev.permafrost.example;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Index;
import dev.permafrost.annotations.References;
import dev.permafrost.annotations.Table;

/** A feature of a product, synchronised from the customer's tracker. */
@Table(name = "features")
@Index(columns = {"product_id", "name"}, unique = true)
public class Feature {
    @Id
    long id;

    @References(Product.class)
    long productId;

    @Column(length = 120, nullable = false)
    String name;

    @Column(defaultValue = "true")
    boolean enabled;
}
