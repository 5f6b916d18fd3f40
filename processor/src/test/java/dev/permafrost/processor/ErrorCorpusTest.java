package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid entities and options: each is a compile error with its exact message, on the element (file and
 * line) it concerns, and nothing is written.
 */
class ErrorCorpusTest {

    @TempDir
    Path dir;

    /**
     * One invalid input.
     *
     * @param file the source the error must be in ({@code null} for errors about options)
     * @param line text on the line the error must point at
     */
    record Case(String name, Map<String, String> sources, List<String> options, String message, String file, String line) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String IMPORTS = """
            package com.acme;

            import dev.permafrost.annotations.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;

            """;

    /** One entity class {@code com.acme.<name>} with the given body after the imports. */
    private static Map<String, String> entity(String name, String body) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com.acme." + name, IMPORTS + body);
        return sources;
    }

    private static Map<String, String> entities(String... namesAndBodies) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            sources.put("com.acme." + namesAndBodies[i], IMPORTS + namesAndBodies[i + 1]);
        }
        return sources;
    }

    private static Case error(String name, Map<String, String> sources, String message, String file, String line) {
        return new Case(name, sources, List.of(), message, "com.acme." + file, line);
    }

    static final String VALID = """
            @Table(name = "items")
            public class Item {
                @Id long id;
            }
            """;

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("unknown option", entity("Item", VALID), List.of("-Apermafrost.datLoss=warn"),
                "[PF100] unknown processor option -Apermafrost.datLoss (did you mean -Apermafrost.dataLoss?); Permafrost"
                        + " knows permafrost.dataLoss, permafrost.databases, permafrost.jpa.naming, permafrost.lockLint,"
                        + " permafrost.migrationsDir, permafrost.migrationsPackage, permafrost.mode, permafrost.naming,"
                        + " permafrost.schemaDir", null,
                null));
        cases.add(new Case("bad dataLoss value", entity("Item", VALID), List.of("-Apermafrost.dataLoss=maybe"),
                "[PF101] -Apermafrost.dataLoss=maybe is not valid: use one of warn, error", null, null));
        cases.add(new Case("bad mode value", entity("Item", VALID), List.of("-Apermafrost.mode=dry"),
                "[PF101] -Apermafrost.mode=dry is not valid: use one of write, check", null, null));
        for (String[] bad : new String[][] {{"..tmp.evil", "it has an empty part"},
                {"com.acme.new.migrations", "'new' is a Java keyword"}, {"a;b", "'a;b' is not a Java identifier"},
                {"com acme", "'com acme' is not a Java identifier"}, {"com.acme.", "it has an empty part"}}) {
            cases.add(new Case("migrations package " + bad[0], entity("Item", VALID),
                    List.of("-Apermafrost.migrationsPackage=" + bad[0]), "[PF101] -Apermafrost.migrationsPackage=" + bad[0]
                            + " is not a Java package name: " + bad[1] + ". Use dot-separated identifiers that are not"
                            + " keywords, such as com.acme.migrations", null, null));
        }
        cases.add(error("an index listing a column twice", entity("Item", """
                @Table(name = "items")
                @Index(columns = {"name", "name"})
                public class Item {
                    @Id long id;
                    @Column(length = 40) String name;
                }
                """), "[PF303] @Index on items lists column 'name' twice; list each column once", "Item",
                "@Index(columns = {\"name\", \"name\"})"));
        cases.add(error("a check named twice", entity("Item", """
                @Table(name = "items")
                @Check(name = "price", value = "price < 1000")
                public class Item {
                    @Id long id;
                    @Check("price >= 0") int price;
                }
                """), "[PF302] constraint or index name 'ck_items_price' is used twice in the schema (table items); give"
                + " one of them another name", "Item", "@Check(\"price >= 0\") int price;"));
        cases.add(error("identity on a column that is not the key", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @Identity long number;
                }
                """), "[PF305] @Identity on number, which is not @Id: the database numbers only a primary key; add @Id or"
                + " remove @Identity", "Item", "@Identity long number;"));
        cases.add(error("identity on a text key", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id @Identity String code;
                }
                """), "[PF306] @Identity on code, whose type is varchar(255): the database numbers integer columns only;"
                + " use long, int or short (or Long, Integer, Short)", "Item", "@Id @Identity String code;"));
        cases.add(error("identity with a default", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id @Identity @Column(defaultValue = "1") long id;
                }
                """), "[PF307] id has @Identity and defaultValue = \"1\": the database's numbering is the column's default;"
                + " remove defaultValue", "Item", "@Id @Identity @Column(defaultValue = \"1\") long id;"));
        cases.add(error("identity in a composite key", entity("Line", """
                @Table(name = "order_lines")
                public class Line {
                    @Id @Identity long id;
                    @Id int lineNo;
                }
                """), "[PF308] @Identity on id, but the primary key of order_lines has 2 columns (id, line_no): the database"
                + " numbers a single-column key only; remove @Identity, or make id the only @Id", "Line",
                "@Id @Identity long id;"));
        cases.add(error("a collection of entities", entities(
                "Owner", """
                        @Table(name = "owners")
                        public class Owner {
                            @Id long id;
                            List<Pet> pets;
                        }
                        """,
                "Pet", "@Table(name = \"pets\") public class Pet { @Id long id; Owner owner; }"),
                "[PF316] field pets is a collection of Pet, but a column holds one value; for one-to-many give Pet a field"
                        + " of type Owner (a foreign key to this table), for many-to-many add a join entity with a"
                        + " reference to each side, and mark this field @Transient", "Owner", "List<Pet> pets;"));
        cases.add(error("@References without an entity", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @References long ownerId;
                }
                """), "[PF315] @References on field ownerId names no entity and the field's type long is not one; name it,"
                + " @References(Owner.class), or give the field the entity's type (Owner owner)", "Item",
                "@References long ownerId;"));
        cases.add(error("a reference by object to an entity without a key", entities(
                "Slot", "@Table(name = \"slots\") public class Slot { long day; }",
                "Booking", """
                        @Table(name = "bookings")
                        public class Booking {
                            @Id long id;
                            Slot slot;
                        }
                        """),
                "[PF314] field slot refers to Slot, which has no @Id: a reference by object goes to the primary key; give"
                        + " Slot an @Id, or refer to a unique column with @References(column = \"...\")", "Booking",
                "Slot slot;"));
        cases.add(error("@Unique on an unknown column", entity("Item", """
                @Table(name = "items")
                @Unique(columns = {"code", "colour"})
                public class Item {
                    @Id long id;
                    String code;
                }
                """), "[PF300] @Unique names column 'colour', which table items does not have", "Item",
                "@Unique(columns = {\"code\", \"colour\"})"));
        cases.add(error("@Unique with no columns", entity("Item", """
                @Table(name = "items")
                @Unique(columns = {})
                public class Item {
                    @Id long id;
                }
                """), "[PF301] @Unique on items lists no columns; name at least one column, for example"
                + " @Unique(columns = \"id\")", "Item", "@Unique(columns = {})"));
        cases.add(error("@Embedded on a type that is not @Embeddable", entities(
                "Money", "public record Money(long cents) {}",
                "Item", """
                        @Table(name = "items")
                        public class Item {
                            @Id long id;
                            @Embedded Money price;
                        }
                        """), "[PF216] @Embedded on field price, whose type com.acme.Money is not annotated @Embeddable;"
                + " annotate com.acme.Money with @Embeddable, or remove @Embedded", "Item", "@Embedded Money price;"));
        cases.add(error("an embeddable that holds itself", entities(
                "Part", "@Embeddable public record Part(int size, Part inner) {}",
                "Item", """
                        @Table(name = "items")
                        public class Item {
                            @Id long id;
                            Part part;
                        }
                        """), "[PF217] field part.inner embeds Part, which holds itself (Part > Part); an embeddable cannot"
                + " contain itself: mark one of these fields @Transient", "Part", "public record Part"));
        cases.add(error("a value class that is neither embeddable nor entity", entities(
                "Money", "public record Money(long cents) {}",
                "Item", """
                        @Table(name = "items")
                        public class Item {
                            @Id long id;
                            Money price;
                        }
                        """), "[PF201] field price has type com.acme.Money, which has no column type; annotate Money with"
                + " @Embeddable to store its fields as columns here, or with @Table to reference it.", "Item",
                "Money price;"));
        cases.add(error("a table named like Permafrost's own", entity("Item", """
                @Table(name = "permafrost_items")
                public class Item {
                    @Id long id;
                }
                """), "[PF218] table name 'permafrost_items' starts with permafrost_, which Permafrost keeps for its own"
                + " objects (the history table permafrost_history, SQLite's permafrost_rebuild_* tables, MariaDB's"
                + " permafrost_identity key); choose another", "Item", "@Table(name = \"permafrost_items\")"));
        cases.add(error("an index named like a table", entities(
                "Tag", "@Table(name = \"tags\") public class Tag { @Id long id; }",
                "Item", """
                        @Table(name = "items")
                        @Index(name = "tags", columns = "label")
                        public class Item {
                            @Id long id;
                            String label;
                        }
                        """), "[PF302] index name 'tags' is used twice in the schema (table tags and an index on items);"
                + " give one of them another name", "Item", "@Table(name = \"items\")"));
        cases.add(error("a Duration", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    Duration timeout;
                }
                """), "[PF201] field timeout has type java.time.Duration, which has no column type; store a long of its"
                + " milliseconds or nanoseconds (Duration.toMillis()), or its ISO-8601 text in a String"
                + " (Duration.toString(), Duration.parse()).", "Item", "Duration timeout;"));
        cases.add(new Case("an unknown database", entity("Item", VALID), List.of("-Apermafrost.databases=postgresql,oracle"),
                "[PF101] -Apermafrost.databases=oracle is not valid: use one of sqlite, postgresql, mariadb, h2 (comma-separated)",
                null, null));
        cases.add(error("a text column in an index", entity("Item", """
                @Table(name = "items")
                @Index(columns = "notes")
                public class Item {
                    @Id long id;
                    @Column(type = SqlType.TEXT) String notes;
                }
                """), "[PF320] column items.notes is text and in index ix_items_notes, which MariaDB and H2 cannot index"
                + " without a length; use a varchar with @Column(length = ...), or declare the databases the project runs"
                + " on without MariaDB and H2 (-Apermafrost.databases=sqlite,postgresql)", "Item",
                "@Column(type = SqlType.TEXT) String notes;"));
        cases.add(new Case("a decimal too precise for a declared database", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @Column(precision = 70, scale = 2) BigDecimal amount;
                }
                """), List.of("-Apermafrost.databases=mariadb,postgresql"), "[PF321] column items.amount is"
                + " decimal(70, 2), but MariaDB allows a precision of at most 65; lower the precision, or declare the"
                + " databases the project runs on without MariaDB (-Apermafrost.databases=postgresql)",
                "com.acme.Item", "BigDecimal amount;"));
        cases.add(error("SET NULL on a NOT NULL reference", entities(
                "Owner", "@Table(name = \"owners\") public class Owner { @Id long id; }",
                "Pet", """
                        @Table(name = "pets")
                        public class Pet {
                            @Id long id;
                            @References(onDelete = ReferentialAction.SET_NULL) @Column(nullable = false) Owner owner;
                        }
                        """), "[PF322] foreign key fk_pets_owner_id_owners sets pets.owner_id to NULL on delete, but the"
                + " column is NOT NULL; make it nullable, or choose another action", "Pet", "Owner owner;"));
        cases.add(error("SET DEFAULT where MariaDB is a target", entities(
                "Owner", "@Table(name = \"owners\") public class Owner { @Id long id; }",
                "Pet", """
                        @Table(name = "pets")
                        public class Pet {
                            @Id long id;
                            @References(onUpdate = ReferentialAction.SET_DEFAULT) Owner owner;
                        }
                        """), "[PF323] foreign key fk_pets_owner_id_owners uses ON UPDATE SET DEFAULT, which MariaDB (InnoDB)"
                + " does not support; choose another action, or declare the databases the project runs on without MariaDB"
                + " (-Apermafrost.databases=sqlite,postgresql,h2)", "Pet", "Owner owner;"));
        cases.add(error("two native types for one database", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @NativeType(database = Database.POSTGRESQL, value = "inet")
                    @NativeType(database = Database.POSTGRESQL, value = "cidr")
                    String address;
                }
                """), "[PF219] @NativeType(database = POSTGRESQL, value = \"cidr\") on address: a second type for POSTGRESQL;"
                + " give one", "Item", "@NativeType(database = Database.POSTGRESQL, value = \"cidr\")"));
        cases.add(error("a default calling a function SQLite lacks", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @Column(nullable = false, defaultValue = "gen_random_uuid()") UUID token;
                }
                """), "[PF324] the defaultValue of items.token calls uuid(), which is missing on SQLite; use a function every"
                + " declared database has, or declare the databases the project runs on without SQLite"
                + " (-Apermafrost.databases=postgresql,mariadb,h2)", "Item", "UUID token;"));
        cases.add(new Case("a check calling a function H2 lacks", entity("Item", """
                @Table(name = "items")
                @Check(name = "capitalised", value = "initcap(code) = code")
                public class Item {
                    @Id long id;
                    String code;
                }
                """), List.of("-Apermafrost.databases=postgresql,h2"), "[PF324] check ck_items_capitalised of items calls"
                + " initcap(), which is missing on H2; use a function every declared database has, or declare the"
                + " databases the project runs on without H2 (-Apermafrost.databases=postgresql)", "com.acme.Item", "public class Item"));
        cases.add(error("a reference by object to a column the entity does not have", entities(
                "Owner", "@Table(name = \"owners\") public class Owner { @Id long id; String code; }",
                "Pet", """
                        @Table(name = "pets")
                        public class Pet {
                            @Id long id;
                            @References(column = "nope") Owner owner;
                        }
                        """), "[PF300] @References names column 'nope', which table owners does not have; its columns are"
                + " id, code", "Pet", "@References(column = \"nope\") Owner owner;"));
        cases.add(error("a reference to a primitive", entity("Item", """
                @Table(name = "items")
                public class Item {
                    @Id long id;
                    @References(int.class) long otherId;
                }
                """), "[PF310] @References(int.class) on field otherId: int is not annotated @Table; reference an entity",
                "Item", "long otherId;"));
        cases.add(error("a type variable a generic base class leaves open", entities("Keyed", """
                public abstract class Keyed<K> {
                    @Id K id;
                }
                """, "Thing", """
                @Table(name = "things")
                public class Thing<T> extends Keyed<T> {
                    @Column(length = 40) String name;
                }
                """), "[PF201] field id (declared in Keyed, inherited by Thing) has type T, which has no column type",
                "Keyed", "@Id K id;"));
        cases.add(new Case("a schema directory that cannot be created", entity("Item", VALID),
                List.of("-Apermafrost.schemaDir=/proc/permafrost-cannot-be-here"),
                "[PF103] cannot write migration V0001_Baseline: cannot create directory /proc/permafrost-cannot-be-here (",
                null, null));
        cases.add(error("table on an interface", entity("Item", "@Table public interface Item { }"),
                "[PF200] @Table belongs on a class or record that can be instantiated; Item is an interface. Move @Table"
                        + " to a concrete top-level or static nested class", "Item", "public interface Item"));
        cases.add(error("table on an enum", entity("Item", "@Table public enum Item { A }"),
                "[PF200] @Table belongs on a class or record that can be instantiated; Item is an enum.", "Item",
                "public enum Item"));
        cases.add(error("table on an abstract class", entity("Item", "@Table public abstract class Item { @Id long id; }"),
                "[PF200] @Table belongs on a class or record that can be instantiated; Item is abstract.", "Item",
                "public abstract class Item"));
        cases.add(error("table on an inner class", entity("Outer", """
                public class Outer {
                    @Table public class Inner { @Id long id; }
                }
                """), "[PF200] @Table belongs on a class or record that can be instantiated; Inner is an inner (non-static"
                + " nested) class.", "Outer", "public class Inner"));
        cases.add(error("unsupported type with a java.time hint", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    Date created;
                }
                """), "[PF201] field created has type java.util.Date, which has no column type; use java.time.Instant or"
                + " LocalDateTime. Supported:", "Item", "Date created;"));
        cases.add(error("a collection is not a column", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    List<String> tags;
                }
                """), "[PF201] field tags has type java.util.List<java.lang.String>, which has no column type; a collection"
                + " is a table of its own: make it an entity with a @References back to this one.", "Item", "tags;"));
        cases.add(error("a type fixable with @Column settings says which", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    BigInteger count;
                }
                """), "[PF201] field count has type java.math.BigInteger, which has no column type; use BigDecimal with"
                + " @Column(scale = 0).", "Item", "BigInteger count;"));
        cases.add(error("explicit type that does not fit", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(type = SqlType.TEXT) long views;
                }
                """), "[PF202] @Column(type = SqlType.TEXT) cannot hold field views of type long; use SqlType.BIGINT",
                "Item", "long views;"));
        cases.add(error("a table name that smuggles SQL", entity("Item", """
                @Table(name = "items; drop table users")
                public class Item { @Id long id; }
                """), "[PF203] table name 'items; drop table users' is not portable: use letters, digits and underscores,"
                + " starting with a letter or underscore, at most 63 characters", "Item", "@Table(name"));
        cases.add(error("a column name over 63 characters", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(name = "a_very_long_column_name_that_no_database_would_accept_as_it_stands") String name;
                }
                """), "[PF203] column name 'a_very_long_column_name_that_no_database_would_accept_as_it_stands' is not"
                + " portable", "Item", "String name;"));
        cases.add(error("two entities on one table, ignoring case", entities(
                "Item", "@Table(name = \"items\") public class Item { @Id long id; }",
                "Thing", "@Table(name = \"Items\") public class Thing { @Id long id; }"),
                "[PF205] table name 'items' is already mapped by com.acme.Item (names are compared ignoring case); give"
                        + " one of them another @Table(name = ...)", "Thing", "@Table(name"));
        cases.add(error("two fields on one column", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(name = "title") String name;
                    String title;
                }
                """), "[PF206] column name 'title' of table item is already mapped by field name (names are compared"
                + " ignoring case); give one of them another @Column(name = ...)", "Item", "String title;"));
        cases.add(error("a default that does not parse", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(defaultValue = "'unterminated") String name;
                }
                """), "[PF207] defaultValue \"'unterminated\" of column name is not a usable SQL default:", "Item",
                "String name;"));
        cases.add(error("a default that smuggles a statement", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(defaultValue = "0; drop table item") int stock;
                }
                """), "[PF207] defaultValue \"0; drop table item\" of column stock is not a usable SQL default: Unexpected"
                + " content after end of field input at position 1.", "Item", "int stock;"));
        cases.add(error("a default that reads a column", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(defaultValue = "id + 1") long next;
                }
                """), "[PF207] defaultValue \"id + 1\" of column next is not a usable SQL default: a default cannot read a"
                + " column (id).", "Item", "long next;"));
        cases.add(error("a check that does not parse", entity("Item", """
                @Table @Check(name = "broken", value = "price >=")
                public class Item { @Id long id; int price; }
                """), "[PF208] @Check \"price >=\" on table item is not a usable condition:", "Item", "@Table @Check"));
        cases.add(error("a check with a subquery", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Check(value = "price > (select 1)") int price;
                }
                """), "[PF208] @Check \"price > (select 1)\" on table item is not a usable condition: subqueries are not"
                + " portable in defaults and checks.", "Item", "int price;"));
        cases.add(error("no columns", entity("Item", """
                @Table public class Item {
                    static int count;
                    transient String cache;
                }
                """), "[PF209] entity Item has no columns: every field is static, transient or @Transient; add a field",
                "Item", "@Table public class Item"));
        cases.add(error("a nullable primitive", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(nullable = true) int stock;
                }
                """), "[PF210] field stock is a primitive int and can never be NULL, but says @Column(nullable = true); use"
                + " Integer for a nullable column or drop nullable = true", "Item", "int stock;"));
        cases.add(error("a length out of range", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(length = 0) String name;
                }
                """), "[PF211] @Column(length = 0) on field name is out of range: a varchar holds 1 to 10485760 characters;"
                + " use @Column(type = SqlType.TEXT) for longer text", "Item", "String name;"));
        cases.add(error("a precision out of range", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(precision = 1001) BigDecimal price;
                }
                """), "[PF211] @Column(precision = 1001) on field price is out of range: a decimal has 1 to 1000 digits",
                "Item", "BigDecimal price;"));
        cases.add(error("a scale above the precision", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(precision = 4, scale = 6) BigDecimal price;
                }
                """), "[PF211] @Column(scale = 6) on field price is out of range: the scale is 0 to the precision (4)",
                "Item", "BigDecimal price;"));
        cases.add(error("a length on a number", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(length = 20) int stock;
                }
                """), "[PF212] @Column(length = ...) does not apply to field stock, whose column is integer; remove it",
                "Item", "int stock;"));
        cases.add(error("a string default on a number", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(defaultValue = "'abc'") int stock;
                }
                """), "[PF213] defaultValue \"'abc'\" does not fit column stock of type integer: it is not a whole number",
                "Item", "int stock;"));
        cases.add(error("a default longer than its varchar", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @Column(length = 3, defaultValue = "'abcd'") String code;
                }
                """), "[PF213] defaultValue \"'abcd'\" does not fit column code of type varchar(3): it is 4 characters long"
                + " and the column holds 3", "Item", "String code;"));
        cases.add(error("an enum default that names no constant", entities(
                "Status", "public enum Status { NEW, DONE }",
                "Item", """
                        @Table public class Item {
                            @Id long id;
                            @Column(defaultValue = "'OPEN'") Status status;
                        }
                        """), "[PF213] defaultValue \"'OPEN'\" does not fit column status of type varchar(255): the column"
                + " holds the enum's constant names, and 'OPEN' is none of NEW, DONE", "Item", "Status status;"));
        cases.add(error("a type-level check without a name", entity("Item", """
                @Table @Check(value = "price >= 0")
                public class Item { @Id long id; int price; }
                """), "[PF214] @Check on a type needs a name, for example @Check(name = \"positive_price\", value ="
                + " \"price >= 0\")", "Item", "@Table @Check"));
        cases.add(error("a nullable key column", entity("Item", """
                @Table public class Item {
                    @Id @Column(nullable = true) Long id;
                }
                """), "[PF215] @Id field id says @Column(nullable = true), but key columns are NOT NULL; remove"
                + " nullable = true", "Item", "Long id;"));
        cases.add(error("an index on an unknown column", entity("Item", """
                @Table @Index(columns = "nmae")
                public class Item { @Id long id; String name; }
                """), "[PF300] @Index names column 'nmae', which table item does not have; its columns are id, name",
                "Item", "@Table @Index"));
        cases.add(error("a check on an unknown column", entity("Item", """
                @Table @Check(name = "positive", value = "prize >= 0")
                public class Item { @Id long id; int price; }
                """), "[PF300] @Check \"prize >= 0\" names column 'prize', which table item does not have; its columns are"
                + " id, price", "Item", "@Table @Check"));
        cases.add(error("an index without columns", entity("Item", """
                @Table @Index(columns = {})
                public class Item { @Id long id; String name; }
                """), "[PF301] @Index on item lists no columns; name at least one column, for example @Index(columns ="
                + " \"id\")", "Item", "@Table @Index"));
        cases.add(error("one index name in two tables", entities(
                "Item", "@Table @Index(name = \"ix_shared\", columns = \"id\") public class Item { @Id long id; }",
                "Thing", "@Table @Index(name = \"ix_shared\", columns = \"id\") public class Thing { @Id long id; }"),
                "[PF302] constraint or index name 'ix_shared' is used twice in the schema (tables item and thing); give"
                        + " one of them another name", "Thing", "@Table @Index"));
        cases.add(error("one index name twice in a table", entity("Item", """
                @Table
                @Index(name = "ix_twice", columns = "id")
                @Index(name = "ix_twice", columns = "name")
                public class Item { @Id long id; String name; }
                """), "[PF302] constraint or index name 'ix_twice' is used twice in the schema (table item); give one of"
                + " them another name", "Item", "columns = \"name\")"));
        cases.add(error("a reference to a class that is not an entity", entities(
                "Plain", "public class Plain { long id; }",
                "Item", """
                        @Table public class Item {
                            @Id long id;
                            @References(Plain.class) long plainId;
                        }
                        """), "[PF310] @References(Plain.class) on field plainId: Plain is not annotated @Table; reference an"
                + " entity", "Item", "long plainId;"));
        cases.add(error("a reference to a column that is not a key", entities(
                "Owner", "@Table public class Owner { @Id long id; String email; }",
                "Item", """
                        @Table public class Item {
                            @Id long id;
                            @References(value = Owner.class, column = "email") String ownerEmail;
                        }
                        """), "[PF311] @References on field ownerEmail points at owner.email, which is neither the primary"
                + " key nor unique; reference the key, or make that column @Column(unique = true)", "Item",
                "String ownerEmail;"));
        cases.add(error("a reference of another type", entities(
                "Owner", "@Table public class Owner { @Id long id; }",
                "Item", """
                        @Table public class Item {
                            @Id long id;
                            @References(Owner.class) int ownerId;
                        }
                        """), "[PF312] @References on field ownerId: column owner_id is integer but the referenced owner.id is"
                + " bigint; give both the same type", "Item", "int ownerId;"));
        cases.add(error("a reference to a composite key without a column", entities(
                "Pair", "@Table public class Pair { @Id long a; @Id long b; }",
                "Item", """
                        @Table public class Item {
                            @Id long id;
                            @References(Pair.class) long pairId;
                        }
                        """), "[PF313] @References(Pair.class) on field pairId: Pair has a composite key [a, b]; name the"
                + " referenced column with @References(value = Pair.class, column = \"...\")", "Item", "long pairId;"));
        cases.add(error("one old name claimed by two renames", entity("Item", """
                @Table public class Item {
                    @Id long id;
                    @RenamedFrom("title") String name;
                    @RenamedFrom("title") String label;
                }
                """), "[PF506] @RenamedFrom(\"title\") appears on both name and label; a column can be renamed into only"
                + " one", "Item", "String label;"));
        cases.add(new Case("entities in no common package", Map.of("Item", """
                import dev.permafrost.annotations.*;
                @Table public class Item { @Id long id; }
                """), List.of(), "[PF104] cannot choose a package for the migrations: the entities share no package; pass"
                + " -Apermafrost.migrationsPackage=<package>", null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsAtTheElementAndWritesNothing(Case c) {
        Project project = new Project(dir);
        c.options().forEach(project::option);

        Compilation compilation = project.compile(c.sources());

        assertThat(compilation).failed();
        if (c.file() == null) {
            assertThat(compilation).hadErrorContaining(c.message());
        } else {
            assertThat(compilation).hadErrorContaining(c.message()).inFile(project.file(c.file())).onLineContaining(c.line());
        }
        assertEquals(Map.of(), project.fingerprint(), "nothing is written");
    }
}
