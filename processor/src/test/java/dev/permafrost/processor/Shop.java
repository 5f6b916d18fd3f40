package dev.permafrost.processor;

import java.util.Map;
import java.util.TreeMap;

/** Entity sources of a shop that together use every mapped type, composite keys, indexes, checks and references. */
final class Shop {

    private Shop() {
    }

    static final String STATUS = """
            package com.acme.shop;

            public enum Status { DRAFT, LIVE, RETIRED }
            """;

    static final String PRODUCT = """
            package com.acme.shop;

            import dev.permafrost.annotations.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.UUID;

            @Table(name = "products")
            @Index(columns = "customer_id")
            @Index(name = "ix_products_name_launch", columns = {"name", "launched_on"}, unique = true)
            @Check(name = "positive_price", value = "price >= 0")
            public class Product {
                @Id long id;
                @Column(length = 40, unique = true, nullable = false) String sku;
                @Column(nullable = false, defaultValue = "'unnamed'") String name;
                @Column(precision = 10, scale = 2, defaultValue = "0") BigDecimal price;
                BigDecimal cost;
                boolean active;
                byte flags;
                short rank;
                int stock;
                long views;
                float weight;
                double ratio;
                Boolean featured;
                Short shelf;
                Integer aisle;
                Long barcode;
                Float rating;
                Double score;
                @Column(type = SqlType.TEXT) String notes;
                char[] code;
                byte[] thumbnail;
                UUID externalId;
                LocalDate launchedOn;
                LocalTime opensAt;
                LocalDateTime updatedAt;
                Instant createdAt;
                OffsetDateTime reviewedAt;
                @Column(length = 12) Status status;
                @Column(nullable = false, defaultValue = "CURRENT_TIMESTAMP") Instant importedAt;
                Long customerId;
                transient String cache;
                static int instances;
                @Transient String scratch;
            }
            """;

    static final String CATEGORY = """
            package com.acme.shop;

            import dev.permafrost.annotations.*;

            @Table(name = "categories")
            public record Category(@Id long id, @Column(length = 60, nullable = false) String title, Long parentId) {
            }
            """;

    static final String PRODUCT_CATEGORY = """
            package com.acme.shop;

            import dev.permafrost.annotations.*;

            @Table(name = "product_categories")
            public class ProductCategory {
                @Id @References(value = Product.class, onDelete = ReferentialAction.CASCADE) long productId;
                @Id @References(value = Category.class, onDelete = ReferentialAction.RESTRICT,
                        onUpdate = ReferentialAction.CASCADE) long categoryId;
                int sortOrder;
            }
            """;

    static Map<String, String> baseline() {
        Map<String, String> sources = new TreeMap<>();
        sources.put("com.acme.shop.Status", STATUS);
        sources.put("com.acme.shop.Product", PRODUCT);
        sources.put("com.acme.shop.Category", CATEGORY);
        sources.put("com.acme.shop.ProductCategory", PRODUCT_CATEGORY);
        return sources;
    }

    /** The baseline with products.features_synced_at added and a new reviews table referencing products. */
    static Map<String, String> second() {
        Map<String, String> sources = baseline();
        sources.put("com.acme.shop.Product", PRODUCT.replace("    Long customerId;\n",
                "    Long customerId;\n    Instant featuresSyncedAt;\n"));
        sources.put("com.acme.shop.Review", """
                package com.acme.shop;

                import dev.permafrost.annotations.*;

                @Table(name = "reviews")
                @Index(columns = {"product_id", "stars"})
                public record Review(@Id long id, @References(Product.class) long productId,
                                     @Check(value = "stars between 1 and 5") int stars,
                                     @Column(type = SqlType.TEXT) String body) {
                }
                """);
        return sources;
    }
}
