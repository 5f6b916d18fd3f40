package dev.permafrost.processor;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A database the project declares it runs on ({@code -Apermafrost.databases}); every one by default. */
public enum Target {
    SQLITE("SQLite"),
    POSTGRESQL("PostgreSQL"),
    MARIADB("MariaDB"),
    H2("H2");

    private final String displayName;

    Target(String displayName) {
        this.displayName = displayName;
    }

    /** As people write it: {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** As the option spells it: {@code postgresql}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** jOOQ's dialect for this database, which Permafrost's renderer looks its dialect up by. */
    public org.jooq.SQLDialect jooq() {
        return switch (this) {
            case SQLITE -> org.jooq.SQLDialect.SQLITE;
            case POSTGRESQL -> org.jooq.SQLDialect.POSTGRES;
            case MARIADB -> org.jooq.SQLDialect.MARIADB;
            case H2 -> org.jooq.SQLDialect.H2;
        };
    }

    /** Every target: the default, so that what compiles runs anywhere. */
    public static Set<Target> all() {
        return EnumSet.allOf(Target.class);
    }

    /** The target an option value names ({@code postgres} and {@code mysql} too), or {@code null}. */
    public static Target named(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "sqlite" -> SQLITE;
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            case "h2" -> H2;
            default -> null;
        };
    }

    /** Display names of those targets that are in {@code declared}, joined: {@code MariaDB and H2}. */
    public static String names(Set<Target> targets) {
        java.util.List<String> names = targets.stream().sorted().map(Target::displayName).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
