package dev.permafrost.processor;

import javax.tools.Diagnostic;

/**
 * Every message the processor reports: a code to search for, a kind, and a format that says what is
 * wrong, where, and how to fix it. Messages print as {@code [PF201] ...}.
 */
enum Msg {
    // Options and the module (PF1xx)
    OPTION_UNKNOWN("PF100", Diagnostic.Kind.ERROR,
            "unknown processor option -A%s%s; Permafrost knows %s"),
    OPTION_VALUE("PF101", Diagnostic.Kind.ERROR,
            "-A%s=%s is not valid: use one of %s"),
    NOT_A_PACKAGE("PF101", Diagnostic.Kind.ERROR,
            "-Apermafrost.migrationsPackage=%s is not a Java package name: %s. Use dot-separated identifiers that are"
                    + " not keywords, such as com.acme.migrations"),
    MODULE_DIR_UNKNOWN("PF102", Diagnostic.Kind.ERROR,
            "cannot tell which module is being compiled (the class output is %s), so the default"
                    + " schemaDir and migrationsDir are unknown; pass -Apermafrost.schemaDir=<dir> and"
                    + " -Apermafrost.migrationsDir=<source root>"),
    IO_FAILURE("PF103", Diagnostic.Kind.ERROR,
            "cannot %s %s: %s; nothing was written"),
    NO_PACKAGE("PF104", Diagnostic.Kind.ERROR,
            "cannot choose a package for the migrations: the entities share no package; pass"
                    + " -Apermafrost.migrationsPackage=<package>"),
    PACKAGE_MISMATCH("PF105", Diagnostic.Kind.ERROR,
            "-Apermafrost.migrationsPackage=%s, but the migrations written so far are in %s (see %s);"
                    + " drop the option or set it to %s"),
    LATE_ENTITY("PF106", Diagnostic.Kind.ERROR,
            "entity %s appeared in a later processing round, after Permafrost compared the schema;"
                    + " Permafrost reads entities written by hand or generated in the first round only"),
    /**
     * Reported by the entry point {@code PermafrostProcessor} itself, which cannot load this class on the JDKs it
     * reports on and holds the same format (a test keeps them equal).
     */
    JDK_TOO_OLD("PF107", Diagnostic.Kind.ERROR,
            "Permafrost's annotation processor needs javac to run on JDK %d or newer, but it runs on Java %s (%s)."
                    + " Select a JDK %d+ for the compiler: with Maven, add maven-toolchains-plugin's"
                    + " select-jdk-toolchain goal with <version>[%d,)</version> (as in Permafrost's README), or run"
                    + " Maven with JAVA_HOME set to a JDK %d+; with Gradle, set java.toolchain.languageVersion ="
                    + " JavaLanguageVersion.of(%d)"),

    // Entities, columns and types (PF2xx)
    TABLE_ON_WRONG_KIND("PF200", Diagnostic.Kind.ERROR,
            "@Table belongs on a class or record that can be instantiated; %s is %s. Move @Table to a concrete"
                    + " top-level or static nested class"),
    UNSUPPORTED_TYPE("PF201", Diagnostic.Kind.ERROR,
            "field %s has type %s, which has no column type%s. Supported: boolean, byte, short, int, long, float,"
                    + " double (and their boxes), BigDecimal, String, char[], byte[], UUID, LocalDate, LocalTime,"
                    + " LocalDateTime, Instant, OffsetDateTime and enums; or mark the field @Transient"),
    TYPE_MISMATCH("PF202", Diagnostic.Kind.ERROR,
            "@Column(type = %s) cannot hold field %s of type %s; use %s"),
    NOT_AN_IDENTIFIER("PF203", Diagnostic.Kind.ERROR,
            "%s name '%s' is not portable: use letters, digits and underscores, starting with a letter or"
                    + " underscore, at most 63 characters%s"),
    RESERVED_WORD("PF204", Diagnostic.Kind.ERROR,
            "%s name '%s' is a reserved word in %s, which would need quoting; choose another with %s"),
    DUPLICATE_TABLE("PF205", Diagnostic.Kind.ERROR,
            "table name '%s' is already mapped by %s (names are compared ignoring case); give one of them"
                    + " another @Table(name = ...)%s"),
    DUPLICATE_COLUMN("PF206", Diagnostic.Kind.ERROR,
            "column name '%s' of table %s is already mapped by field %s (names are compared ignoring case);"
                    + " give one of them another @Column(name = ...)"),
    BAD_DEFAULT("PF207", Diagnostic.Kind.ERROR,
            "defaultValue \"%s\" of column %s is not a usable SQL default: %s. Write an SQL literal or"
                    + " expression such as \"'text'\", \"0\", \"true\" or \"CURRENT_TIMESTAMP\""),
    BAD_CHECK("PF208", Diagnostic.Kind.ERROR,
            "@Check \"%s\" on table %s is not a usable condition: %s. Write an SQL condition over this table's"
                    + " columns, such as \"price >= 0\""),
    NO_COLUMNS("PF209", Diagnostic.Kind.ERROR,
            "entity %s has no columns: every field is static, transient or @Transient; add a field"),
    PRIMITIVE_NULLABLE("PF210", Diagnostic.Kind.ERROR,
            "field %s is a primitive %s and can never be NULL, but says @Column(nullable = true); use %s for a"
                    + " nullable column or drop nullable = true"),
    OUT_OF_RANGE("PF211", Diagnostic.Kind.ERROR,
            "@Column(%s = %s) on field %s is out of range: %s"),
    NOT_APPLICABLE("PF212", Diagnostic.Kind.ERROR,
            "@Column(%s = ...) does not apply to field %s, whose column is %s; remove it"),
    DEFAULT_TYPE_MISMATCH("PF213", Diagnostic.Kind.ERROR,
            "defaultValue \"%s\" does not fit column %s of type %s: %s"),
    CHECK_NEEDS_NAME("PF214", Diagnostic.Kind.ERROR,
            "@Check on a type needs a name, for example @Check(name = \"positive_price\", value = \"%s\")"),
    NULLABLE_KEY("PF215", Diagnostic.Kind.ERROR,
            "@Id field %s says @Column(nullable = true), but key columns are NOT NULL; remove nullable = true"),

    // Keys, indexes, checks and references (PF3xx)
    UNKNOWN_COLUMN("PF300", Diagnostic.Kind.ERROR,
            "%s names column '%s', which table %s does not have%s"),
    NO_INDEX_COLUMNS("PF301", Diagnostic.Kind.ERROR,
            "@Index on %s lists no columns; name at least one column, for example @Index(columns = \"%s\")"),
    DUPLICATE_NAME("PF302", Diagnostic.Kind.ERROR,
            "%s name '%s' is used twice in the schema (%s); give one of them another name"),
    COLUMN_LISTED_TWICE("PF303", Diagnostic.Kind.ERROR,
            "%s on %s lists column '%s' twice; list each column once"),
    TABLE_REFUSED("PF304", Diagnostic.Kind.ERROR,
            "entity %s does not make a valid table: %s; change the annotations that say so"),
    NOT_AN_ENTITY("PF310", Diagnostic.Kind.ERROR,
            "@References(%s.class) on field %s: %s is not annotated @Table; reference an entity"),
    NOT_A_KEY("PF311", Diagnostic.Kind.ERROR,
            "@References on field %s points at %s.%s, which is neither the primary key nor unique; reference"
                    + " the key, or make that column @Column(unique = true)"),
    REFERENCE_TYPE_MISMATCH("PF312", Diagnostic.Kind.ERROR,
            "@References on field %s: column %s is %s but the referenced %s.%s is %s; give both the same type"),
    REFERENCE_NEEDS_COLUMN("PF313", Diagnostic.Kind.ERROR,
            "@References(%s.class) on field %s: %s has %s; name the referenced column with"
                    + " @References(value = %s.class, column = \"...\")"),

    // Frozen files (PF4xx)
    FROZEN_FILE("PF400", Diagnostic.Kind.ERROR, "%s"),

    // Changes (PF5xx)
    DATA_LOSS("PF500", Diagnostic.Kind.WARNING,
            "migration %s will %s. %s"),
    DATA_LOSS_ERROR("PF500", Diagnostic.Kind.ERROR,
            "migration %s would %s. %s (permafrost.dataLoss=error turns this into an error; make the change in"
                    + " steps that keep the data, or set -Apermafrost.dataLoss=warn for this build)"),
    NOT_NULL_WITHOUT_DEFAULT("PF501", Diagnostic.Kind.ERROR,
            "column %s.%s is %s, and it has no default to fill them with. Either give it one,"
                    + " @Column(defaultValue = \"...\"), or keep the column nullable (%s)"),
    NOT_NULL_LOOKS_LIKE_RENAME("PF501", Diagnostic.Kind.ERROR,
            "column %s.%s is added as NOT NULL while column %s.%s, of a compatible type, is dropped. If the field was"
                    + " renamed, annotate it @RenamedFrom(\"%s\") so that the migration renames the column and keeps its"
                    + " data. If it is a new column, the rows already in the table have no value for it: give it a"
                    + " default, @Column(defaultValue = \"...\"), or keep it nullable (%s)"),
    RENAME_SUGGESTION("PF502", Diagnostic.Kind.WARNING,
            "column %s.%s is dropped and %s.%s added with a compatible type; if this is a rename, annotate the"
                    + " field @RenamedFrom(\"%s\") so that the migration renames it and keeps its data"),
    CHANGE_REFUSED("PF503", Diagnostic.Kind.ERROR, "%s"),
    MODEL_DIFFERS("PF504", Diagnostic.Kind.ERROR,
            "the entities differ from the newest snapshot %s, and permafrost.mode=check writes nothing:%s\n"
                    + "Compile without -Apermafrost.mode=check to write migration %s, and commit it."),
    RENAMED_FROM_UNKNOWN("PF505", Diagnostic.Kind.ERROR,
            "@RenamedFrom(\"%s\") on %s: the newest snapshot %s has no %s named '%s', and no %s named '%s'"
                    + " either; correct the old name or remove the annotation"),
    RENAMED_FROM_TWICE("PF506", Diagnostic.Kind.ERROR,
            "@RenamedFrom(\"%s\") appears on both %s and %s; a %s can be renamed into only one"),
    WROTE_MIGRATION("PF507", Diagnostic.Kind.NOTE,
            "wrote migration %s (%s) and snapshot %s; review and commit them"),
    DROP_NOT_PROVEN("PF508", Diagnostic.Kind.ERROR,
            "table %s would be dropped, but its entity %s (recorded in %s) is neither in this compilation nor on its"
                    + " class path, and this compilation holds %d of the %d source files under %s: only a full build can"
                    + " prove that an entity is gone. Build the whole module (mvn compile, or the IDE's rebuild); if the"
                    + " class was renamed or moved, keep @Table(name = \"%s\") on it"),

    INTERNAL("PF900", Diagnostic.Kind.ERROR,
            "Permafrost failed on %s: %s. Please report this with the entity; nothing was written");

    private final String code;
    private final Diagnostic.Kind kind;
    private final String format;

    Msg(String code, Diagnostic.Kind kind, String format) {
        this.code = code;
        this.kind = kind;
        this.format = format;
    }

    String code() {
        return code;
    }

    Diagnostic.Kind kind() {
        return kind;
    }

    /** The full message: {@code [PF201] } and the formatted text. */
    String format(Object... args) {
        return "[" + code + "] " + String.format(format, args);
    }
}
