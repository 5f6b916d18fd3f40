package dev.permafrost.message;

import dev.permafrost.runtime.ErrorCode;
import dev.permafrost.runtime.PermafrostException;

/**
 * Every message Permafrost gives, compile time and run time, in one catalogue: a code to search for (the README's
 * troubleshooting table explains each), a severity, and a format that says what is wrong, where, and how to fix
 * it. The hundreds are the areas: PF1xx the processor's options and module, PF2xx entities, columns and types,
 * PF3xx keys, indexes, checks and references, PF4xx frozen files, PF5xx changes between versions, PF6xx the
 * runtime's configuration, connection and migration index, PF7xx running migrations, PF8xx the migration
 * history and the live schema, PF9xx internal errors. The processor prints {@code [PF201] ...}; a runtime
 * {@link PermafrostException} carries its code beside its {@link ErrorCode} and its text.
 */
public enum Message {
    // Options and the module (PF1xx)
    OPTION_UNKNOWN("PF100", Severity.ERROR,
            "unknown processor option -A%s%s; Permafrost knows %s"),
    OPTION_VALUE("PF101", Severity.ERROR,
            "-A%s=%s is not valid: use one of %s"),
    NOT_A_PACKAGE("PF101", Severity.ERROR,
            "-Apermafrost.migrationsPackage=%s is not a Java package name: %s. Use dot-separated identifiers that are"
                    + " not keywords, such as com.acme.migrations"),
    MODULE_DIR_UNKNOWN("PF102", Severity.ERROR,
            "cannot tell which module is being compiled (the class output is %s), so the default"
                    + " schemaDir and migrationsDir are unknown; pass -Apermafrost.schemaDir=<dir> and"
                    + " -Apermafrost.migrationsDir=<source root>"),
    IO_FAILURE("PF103", Severity.ERROR,
            "cannot %s %s: %s; nothing was written"),
    NO_PACKAGE("PF104", Severity.ERROR,
            "cannot choose a package for the migrations: the entities share no package; pass"
                    + " -Apermafrost.migrationsPackage=<package>"),
    PACKAGE_MISMATCH("PF105", Severity.ERROR,
            "-Apermafrost.migrationsPackage=%s, but the migrations written so far are in %s (see %s);"
                    + " drop the option or set it to %s"),
    LATE_ENTITY("PF106", Severity.ERROR,
            "entity %s appeared in a later processing round, after Permafrost compared the schema;"
                    + " Permafrost compares in the first round whose entities' types are all resolved, so generate"
                    + " entities no later than that round"),
    /**
     * Reported by the entry point {@code PermafrostProcessor} itself, which cannot load this class on the JDKs it
     * reports on and holds the same format (a test keeps them equal).
     */
    JDK_TOO_OLD("PF107", Severity.ERROR,
            "Permafrost's annotation processor needs javac to run on JDK %d or newer, but it runs on Java %s (%s)."
                    + " Select a JDK %d+ for the compiler: with Maven, add maven-toolchains-plugin's"
                    + " select-jdk-toolchain goal with <version>[%d,)</version> (as in Permafrost's README), or run"
                    + " Maven with JAVA_HOME set to a JDK %d+; with Gradle, set java.toolchain.languageVersion ="
                    + " JavaLanguageVersion.of(%d)"),
    UNRESOLVED_TYPE("PF108", Severity.ERROR,
            "%s of entity %s has type %s, which this compilation does not declare, so Permafrost cannot map it;"
                    + " correct its name or import, or add the processor or dependency that provides it (Permafrost"
                    + " waits for types that another processor generates in a later round)"),

    // Entities, columns and types (PF2xx)
    TABLE_ON_WRONG_KIND("PF200", Severity.ERROR,
            "@Table belongs on a class or record that can be instantiated; %s is %s. Move @Table to a concrete"
                    + " top-level or static nested class"),
    UNSUPPORTED_TYPE("PF201", Severity.ERROR,
            "field %s has type %s, which has no column type%s. Supported: %s; or mark the field @Transient"),
    TYPE_MISMATCH("PF202", Severity.ERROR,
            "@Column(type = %s) cannot hold field %s of type %s; use %s"),
    NOT_AN_IDENTIFIER("PF203", Severity.ERROR,
            "%s name '%s' is not portable: use letters, digits and underscores, starting with a letter or"
                    + " underscore, at most 63 characters%s"),
    RESERVED_WORD("PF204", Severity.NOTE,
            "%s name '%s' is a reserved word in %s: Permafrost quotes it in all the SQL it writes (\"%s\"); quote it in"
                    + " your own SQL too, or choose another name with %s"),
    DUPLICATE_TABLE("PF205", Severity.ERROR,
            "table name '%s' is already mapped by %s (names are compared ignoring case); give one of them"
                    + " another %s%s"),
    DUPLICATE_COLUMN("PF206", Severity.ERROR,
            "column name '%s' of table %s is already mapped by field %s (names are compared ignoring case);"
                    + " give one of them another @Column(name = ...)"),
    BAD_DEFAULT("PF207", Severity.ERROR,
            "defaultValue \"%s\" of column %s is not a usable SQL default: %s. Write an SQL literal or"
                    + " expression such as \"'text'\", \"0\", \"true\" or \"CURRENT_TIMESTAMP\""),
    BAD_CHECK("PF208", Severity.ERROR,
            "@Check \"%s\" on table %s is not a usable condition: %s. Write an SQL condition over this table's"
                    + " columns, such as \"price >= 0\""),
    NO_COLUMNS("PF209", Severity.ERROR,
            "entity %s has no columns: every field is static, transient or @Transient; add a field"),
    PRIMITIVE_NULLABLE("PF210", Severity.ERROR,
            "field %s is a primitive %s and can never be NULL, but says @Column(nullable = true); use %s for a"
                    + " nullable column or drop nullable = true"),
    OUT_OF_RANGE("PF211", Severity.ERROR,
            "@Column(%s = %s) on field %s is out of range: %s"),
    NOT_APPLICABLE("PF212", Severity.ERROR,
            "@Column(%s = ...) does not apply to field %s, whose column is %s; remove it"),
    DEFAULT_TYPE_MISMATCH("PF213", Severity.ERROR,
            "defaultValue \"%s\" does not fit column %s of type %s: %s"),
    CHECK_NEEDS_NAME("PF214", Severity.ERROR,
            "@Check on a type needs a name, for example @Check(name = \"positive_price\", value = \"%s\")"),
    NULLABLE_KEY("PF215", Severity.ERROR,
            "@Id field %s says @Column(nullable = true), but key columns are NOT NULL; remove nullable = true"),
    NOT_EMBEDDABLE("PF216", Severity.ERROR,
            "@Embedded on field %s, whose type %s is not annotated @Embeddable; annotate %s with @Embeddable, or"
                    + " remove @Embedded"),
    EMBEDDING_CYCLE("PF217", Severity.ERROR,
            "field %s embeds %s, which holds itself (%s); an embeddable cannot contain itself: mark one of these"
                    + " fields @Transient"),
    PERMAFROST_NAME("PF218", Severity.ERROR,
            "%s name '%s' starts with permafrost_, which Permafrost keeps for its own objects (the history table"
                    + " permafrost_history, SQLite's permafrost_rebuild_* tables, MariaDB's permafrost_identity key);"
                    + " choose another"),
    NATIVE_TYPE("PF219", Severity.ERROR,
            "@NativeType(database = %s, value = \"%s\") on %s: %s"),

    // JPA entities (PF23x)
    JPA_UNSUPPORTED("PF230", Severity.ERROR,
            "%s on %s cannot be mapped faithfully: %s"),
    JPA_AND_TABLE("PF231", Severity.ERROR,
            "%s is both a JPA @Entity and a Permafrost @Table: keep one (JPA entities need no @Table of"
                    + " Permafrost's; its @RenamedFrom, @Check and @NativeType work beside the JPA annotations)"),

    // Keys, indexes, checks and references (PF3xx)
    UNKNOWN_COLUMN("PF300", Severity.ERROR,
            "%s names column '%s', which table %s does not have%s"),
    NO_INDEX_COLUMNS("PF301", Severity.ERROR,
            "%s on %s lists no columns; name at least one column, for example %s(columns = \"%s\")"),
    DUPLICATE_NAME("PF302", Severity.ERROR,
            "%s name '%s' is used twice in the schema (%s); give one of them another name"),
    COLUMN_LISTED_TWICE("PF303", Severity.ERROR,
            "%s on %s lists column '%s' twice; list each column once"),
    TABLE_REFUSED("PF304", Severity.ERROR,
            "entity %s does not make a valid table: %s; change the annotations that say so"),
    IDENTITY_NOT_KEY("PF305", Severity.ERROR,
            "@Identity on %s, which is not @Id: the database numbers only a primary key; add @Id or remove @Identity"),
    IDENTITY_TYPE("PF306", Severity.ERROR,
            "@Identity on %s, whose type is %s: the database numbers integer columns only; use long, int or short"
                    + " (or Long, Integer, Short)"),
    IDENTITY_DEFAULT("PF307", Severity.ERROR,
            "%s has @Identity and defaultValue = \"%s\": the database's numbering is the column's default; remove"
                    + " defaultValue"),
    IDENTITY_COMPOSITE("PF308", Severity.ERROR,
            "@Identity on %s, but the primary key of %s has %d columns (%s): the database numbers a single-column key"
                    + " only; remove @Identity, or make %s the only @Id"),
    NOT_AN_ENTITY("PF310", Severity.ERROR,
            "@References(%s.class) on field %s: %s is not annotated @Table; reference an entity"),
    NOT_A_KEY("PF311", Severity.ERROR,
            "@References on field %s points at %s.%s, which is neither the primary key nor unique; reference"
                    + " the key, or make that column @Column(unique = true)"),
    REFERENCE_TYPE_MISMATCH("PF312", Severity.ERROR,
            "@References on field %s: column %s is %s but the referenced %s.%s is %s; give both the same type"),
    OBJECT_REFERENCE_KEY("PF314", Severity.ERROR,
            "field %s refers to %s, which has no @Id: a reference by object goes to the primary key; give %s an @Id, or"
                    + " refer to a unique column with @References(column = \"...\")"),
    REFERENCE_WITHOUT_ENTITY("PF315", Severity.ERROR,
            "@References on field %s names no entity and the field's type %s is not one; name it,"
                    + " @References(Owner.class), or give the field the entity's type (Owner owner)"),
    COLLECTION_OF_ENTITIES("PF316", Severity.ERROR,
            "field %s is a collection of %s, but a column holds one value; for one-to-many give %s a field of type %s"
                    + " (a foreign key to this table), for many-to-many add a join entity with a reference to each"
                    + " side, and mark this field @Transient"),
    REFERENCE_NEEDS_COLUMN("PF313", Severity.ERROR,
            "@References(%s.class) on field %s: %s has %s; name the referenced column with"
                    + " @References(value = %s.class, column = \"...\")"),
    TARGET_KEY_TYPE("PF320", Severity.ERROR,
            "column %s.%s is %s and in %s, which %s cannot index without a length; use a varchar with"
                    + " @Column(length = ...)%s"),
    TARGET_PRECISION("PF321", Severity.ERROR,
            "column %s.%s is decimal(%d, %d), but %s allows a precision of at most %d; lower the precision%s"),
    SET_NULL_NOT_NULL("PF322", Severity.ERROR,
            "foreign key %s sets %s.%s to NULL on %s, but the column is NOT NULL; make it nullable, or choose another"
                    + " action"),
    TARGET_ACTION("PF323", Severity.ERROR,
            "foreign key %s uses ON %s SET DEFAULT, which %s does not support; choose another action%s"),
    TARGET_FUNCTION("PF324", Severity.ERROR,
            "%s calls %s(), which is missing on %s; use a function every declared database has%s"),
    TARGET_SEQUENCE("PF325", Severity.ERROR,
            "%s takes its values from sequence %s, but %s has no sequences; use @GeneratedValue(strategy ="
                    + " GenerationType.IDENTITY), or leave %s out of -Apermafrost.databases"),

    // Frozen files: snapshots, stubs and the manifest (PF4xx)
    /**
     * A snapshot, stub or manifest that cannot be read, changed, is missing or extra, or names the wrong version:
     * {@code file:line: what is wrong, and the way out}, as {@link dev.permafrost.snapshot.SnapshotException} says.
     */
    FROZEN_FILE("PF400", Severity.ERROR, "%s"),
    SQUASH_TARGET("PF410", Severity.ERROR,
            "-Apermafrost.squash=%s cannot be squashed to: %s"),
    SQUASH_DATA_STEPS("PF411", Severity.ERROR,
            "-Apermafrost.squash=%d: %s, which a squashed baseline does not run on a fresh database. Confirm with"
                    + " -Apermafrost.squash.withoutData=%s, and write what a fresh database needs of them (seed rows)"
                    + " into the baseline's up() before it ships; or squash to a version before the first of them"
                    + " (-Apermafrost.squash=%d)"),
    WROTE_BASELINE("PF412", Severity.NOTE,
            "wrote the squashed baseline %s: fresh databases get snapshot %s from it in one migration, databases at"
                    + " V0001 to %s continue with the migrations kept; review and commit it with %s. Once no database is"
                    + " older than a version, the stubs before it may be deleted"),
    SQUASH_BEHIND("PF413", Severity.WARNING,
            "-Apermafrost.squash=%d does nothing: versions up to %s are squashed already (%s); drop the option"),

    // Changes (PF5xx)
    /**
     * A warning ("will"), or an error with {@code -Apermafrost.dataLoss=error} ("would", and how to proceed after
     * it): the processor reports it with the severity the option gives.
     */
    DATA_LOSS("PF500", Severity.WARNING,
            "migration %s %s %s. %s%s"),
    NOT_NULL_WITHOUT_DEFAULT("PF501", Severity.ERROR,
            "column %s.%s is %s, and it has no default to fill them with. Either give it one,"
                    + " @Column(defaultValue = \"...\"), or keep the column nullable (%s)"),
    NOT_NULL_LOOKS_LIKE_RENAME("PF501", Severity.ERROR,
            "column %s.%s is added as NOT NULL while column %s.%s, of a compatible type, is dropped. If the field was"
                    + " renamed, annotate it @RenamedFrom(\"%s\") so that the migration renames the column and keeps its"
                    + " data. If it is a new column, the rows already in the table have no value for it: give it a"
                    + " default, @Column(defaultValue = \"...\"), or keep it nullable (%s)"),
    RENAME_SUGGESTION("PF502", Severity.WARNING,
            "column %s.%s is dropped and %s.%s added with a compatible type; if this is a rename, annotate the"
                    + " field @RenamedFrom(\"%s\") so that the migration renames it and keeps its data"),
    RENAME_REFUSED("PF503", Severity.ERROR,
            "%1$s %2$s cannot be renamed to %3$s because a %1$s %3$s exists too; drop or rename that one in an"
                    + " earlier migration"),
    MODEL_DIFFERS("PF504", Severity.ERROR,
            "the entities differ from the newest snapshot %s, and permafrost.mode=check writes nothing:%s\n"
                    + "Compile without -Apermafrost.mode=check to write migration %s, and commit it."),
    RENAMED_FROM_UNKNOWN("PF505", Severity.ERROR,
            "@RenamedFrom(\"%s\") on %s: the newest snapshot %s has no %s named '%s', and no %s named '%s'"
                    + " either; correct the old name or remove the annotation"),
    RENAMED_FROM_TWICE("PF506", Severity.ERROR,
            "@RenamedFrom(\"%s\") appears on both %s and %s; a %s can be renamed into only one"),
    WROTE_MIGRATION("PF507", Severity.NOTE,
            "wrote migration %s (%s) and snapshot %s; review and commit them"),
    DROP_NOT_PROVEN("PF508", Severity.ERROR,
            "table %s would be dropped, but its entity %s (recorded in %s) is neither in this compilation nor on its"
                    + " class path, and this compilation holds %d of the %d source files under %s: only a full build can"
                    + " prove that an entity is gone. Build the whole module (mvn compile, or the IDE's rebuild); if the"
                    + " class was renamed or moved, keep @Table(name = \"%s\") on it"),

    TABLE_REWRITE("PF510", Severity.WARNING,
            "migration %s %s: on %s this %s, so nothing else reads or writes the table until it finishes. On a table"
                    + " with many rows make the change in steps instead (expand/contract: add a column of the new type,"
                    + " fill it in batches while the application writes both, move reads to it, drop the old one in a"
                    + " later release), or acknowledge it with @SafetyAssured(\"PF510\") on %s%s"),
    VOLATILE_DEFAULT("PF511", Severity.WARNING,
            "migration %s adds column %s.%s with the volatile default %s: on PostgreSQL that rewrites the table under"
                    + " an ACCESS EXCLUSIVE lock to give every row its own value. Add the column without a default (or"
                    + " with a constant one), fill it in batches, then set the default; or acknowledge it with"
                    + " @SafetyAssured(\"PF511\") on %s%s"),
    RENAME_IN_USE("PF512", Severity.WARNING,
            "migration %s renames %s to %s: instances of the previous release still running during a rolling"
                    + " deploy use the old name and fail until they are replaced. Expand/contract: add the new one,"
                    + " write both, backfill, move reads, drop the old one in a later release; or acknowledge it with"
                    + " @SafetyAssured(\"PF512\") on %s when no instance of the previous release runs while it"
                    + " applies%s"),
    DROP_STILL_MAPPED("PF513", Severity.WARNING,
            "migration %s drops %s, which the previous release still maps: its instances fail on it while they run"
                    + " during a rolling deploy. Stop using it in one release and drop it in the next; or acknowledge it"
                    + " with @SafetyAssured(\"PF513\") on %s%s"),

    // ---- run time: configuration, connection and the migration index (PF6xx) ----
    NO_INDEX("PF600", ErrorCode.NO_MIGRATIONS,
            "no Permafrost migrations on the class path: the annotation processor generates their index when it"
                    + " compiles the entities. Add dev.permafrost:permafrost-processor to the compiler's"
                    + " annotationProcessorPaths and rebuild."),
    SEVERAL_INDEXES("PF601", ErrorCode.NO_MIGRATIONS,
            "several modules on the class path have migrations: %s. Choose one with"
                    + " Migrator.configure(..).migrations(MigrationIndex.inPackage(\"%s\"))."),
    NO_INDEX_IN_PACKAGE("PF602", ErrorCode.NO_MIGRATIONS,
            "no migrations in package %s on the class path; the packages with migrations are %s"),
    INDEX_LIST_MISSING("PF603", ErrorCode.NO_MIGRATIONS,
            "the migration index %s has no %s beside it: the annotation processor writes it into the class output"
                    + " at every build, so this build ran without the processor or its output was copied only in"
                    + " part. Rebuild the module with dev.permafrost:permafrost-processor in the compiler's"
                    + " annotationProcessorPaths (mvn clean package)"),
    INDEX_UNREADABLE("PF604", ErrorCode.NO_MIGRATIONS, "cannot read the migration index of %s: %s"),
    INDEX_LINE_UNREADABLE("PF605", ErrorCode.NO_MIGRATIONS,
            "the migration index %s has a line it cannot read: %s; rebuild the module (mvn clean package)"),
    INDEX_OUT_OF_ORDER("PF606", ErrorCode.NO_MIGRATIONS,
            "the migration index %s does not list versions 1..%d in order (found %d at position %d); rebuild the"
                    + " module"),
    MIGRATION_CLASS_MISSING("PF607", ErrorCode.NO_MIGRATIONS,
            "migration V%04d (%s) is listed in %s, but its class %s is not on the class path: the build that wrote"
                    + " the index did not compile it (a partial or interrupted build), or the jar was assembled"
                    + " without it. Rebuild the module (mvn clean package) and make sure %s.java is committed."),
    MIGRATION_CLASS_UNLOADABLE("PF608", ErrorCode.NO_MIGRATIONS,
            "migration class %s cannot be loaded: %s. Rebuild the module with the JDK the application runs on or"
                    + " an older one."),
    NOT_A_MIGRATION("PF609", ErrorCode.INVALID_MIGRATION,
            "%s, listed as migration V%04d in %s, does not implement %s; restore it from version control."),
    MIGRATION_NOT_CREATABLE("PF610", ErrorCode.INVALID_MIGRATION,
            "cannot create migration %s listed in %s: it needs a public no-argument constructor (%s)"),
    MIGRATION_INVALID("PF611", ErrorCode.INVALID_MIGRATION, "migration V%04d (%s) cannot run: its %s() %s. Correct %s."),
    INDEX_SQUASH("PF612", ErrorCode.NO_MIGRATIONS,
            "the migration index %s %s; rebuild the module"),
    CANNOT_CONNECT("PF620", ErrorCode.DATABASE, "cannot connect to %s: %s"),
    NO_DRIVER("PF621", ErrorCode.DATABASE,
            "cannot connect to %s: no JDBC driver on the class path accepts this URL. Add %s to the application's"
                    + " dependencies%s, or check the URL's spelling."),
    VANISHING_DATABASE("PF622", ErrorCode.INVALID_REQUEST, "%s."),
    JAVA_TOO_OLD("PF623", ErrorCode.INVALID_REQUEST,
            "Permafrost's runtime needs Java 21 or newer (it runs on jOOQ 3.21), but this application runs on Java"
                    + " %s (%s). Start it with a Java 21+ runtime."),
    UNKNOWN_TARGET("PF624", ErrorCode.INVALID_REQUEST, "cannot %s V%04d: this build knows versions %d to %d"),
    LIVE_SCHEMA_UNSUPPORTED("PF625", ErrorCode.INVALID_REQUEST,
            "reading the live schema is supported on SQLite, PostgreSQL, MariaDB, MySQL and H2, not on %s"),
    NO_SCHEMAS("PF627", ErrorCode.INVALID_REQUEST,
            "%s has no schemas to migrate '%s' in: give each tenant a database file of its own (jdbc:sqlite:%s.db)"),
    NO_SUCH_SCHEMA("PF628", ErrorCode.DATABASE,
            "cannot use schema '%s' on %s: %s. Create it first (create schema %s; on MariaDB create database %s); a"
                    + " migrator works in a schema, it does not create one"),
    JOOQ_TOO_OLD("PF626", ErrorCode.INVALID_REQUEST,
            "Permafrost's runtime needs jOOQ 3.21 or newer, but the class path has jOOQ %s (%s). A dependency"
                    + " manager chose it: Spring Boot's manages jOOQ at 3.19. Set the version to 3.21.7 (Maven with"
                    + " Boot's parent: <jooq.version>3.21.7</jooq.version> in <properties>; with Boot's BOM imported:"
                    + " org.jooq:jooq 3.21.7 in <dependencyManagement> before it; Gradle's Spring dependency-management"
                    + " plugin: ext['jooq.version'] = '3.21.7')."),

    // ---- run time: running migrations (PF7xx) ----
    MIGRATION_FAILED("PF700", ErrorCode.MIGRATION_FAILED, "migration %s (%s) failed at '%s':\n  %s\n  %s\n%s"),
    FOREIGN_KEYS_BROKEN("PF701", ErrorCode.MIGRATION_FAILED,
            "migration %s would break foreign keys, so it was rolled back: %s. Fix the data (a data step in the"
                    + " migration can) and start again."),
    REBUILD_REFUSED("PF702", ErrorCode.MIGRATION_FAILED, "migration %s %s. Nothing was changed."),
    MIGRATION_NOT_RUN("PF703", ErrorCode.DATABASE, "migration %s could not run: %s"),
    PROGRESS_NOT_RECORDED("PF704", ErrorCode.DATABASE, "migration %s could not record its progress: %s"),
    INCOMPLETE("PF705", ErrorCode.INCOMPLETE_MIGRATION,
            "migration %s (%s) stopped after %d of %d statements while %s on %s, which commits DDL at once, so part"
                    + " of it is done.\nStatements that ran:%s\nStatements that did not run:%s\n(If the process was"
                    + " killed rather than failing, statement %d may have run as well.) %s"),
    INCOMPLETE_UNKNOWN("PF706", ErrorCode.INCOMPLETE_MIGRATION,
            "migration %s (%s) stopped part way while %s on a database that commits DDL at once: %d statement(s)"
                    + " ran. This build does not know it, so it cannot list them: run the build that started it to"
                    + " see them, undo or finish them by hand, then call Migrator.repair() and start again."),
    LOCK_TIMEOUT("PF707", ErrorCode.LOCK_TIMEOUT,
            "another instance held the %s for longer than %d s while migrating; it is still running or was stopped"
                    + " and its session has not ended yet. Start again once it finishes, or raise"
                    + " Migrator.configure(..).lockTimeout(..)"),
    LOCK_INTERRUPTED("PF708", ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock"),
    LOCK_FAILED("PF709", ErrorCode.DATABASE, "cannot take the migration lock: %s"),
    CANNOT_REVERT_UNKNOWN("PF710", ErrorCode.UNKNOWN_MIGRATION,
            "cannot revert V%04d: this build does not have its down(); run the build that applied it"),
    NO_SEQUENCES("PF711", ErrorCode.INVALID_MIGRATION,
            "migration %s cannot %s: %s has no sequences. Nothing was changed. Build the application with"
                    + " -Apermafrost.databases naming the databases it runs on, so that the compiler refuses this"),

    DDL_LOCK_TIMEOUT("PF712", ErrorCode.LOCK_TIMEOUT,
            "migration %s could not take the lock its statement needs within %d s of trying: %s\n  Each attempt gave up"
                    + " after %d ms, so no other session waited behind it longer than that. A long transaction holds"
                    + " the table: find it in pg_stat_activity and end it, or raise Migrator.configure(..).lockTimeout(..)"
                    + " (how long to keep trying). %s"),
    REVERT_UNFINISHED("PF713", ErrorCode.INCOMPLETE_MIGRATION,
            "migration %s (%s) stopped part way through its down after %d statement(s) (its lock-safe steps run outside"
                    + " one transaction): finish reverting it with migrateTo(%d), which continues where it stopped."),

    // ---- run time: the history and the live schema (PF8xx) ----
    SQUASHED_AWAY("PF714", ErrorCode.OUT_OF_ORDER,
            "%s is at V%04d, older than the oldest migration this build keeps (V%04d): versions V0001 to V%04d were"
                    + " squashed into %s, which builds fresh databases only, and the migrations before V%04d were"
                    + " deleted. Nothing was changed. Migrate this database first with a release that still has"
                    + " V%04d, then with this one"),
    SQUASHED_REVERT("PF715", ErrorCode.INVALID_REQUEST,
            "cannot revert to V%04d: the migrations before V%04d were deleted after they were squashed into %s, so this"
                    + " build goes down to V%04d at the lowest. Nothing was changed"),
    NEW_FILE_NOT_WRITTEN("PF716", ErrorCode.DATABASE,
            "cannot write the new database %s to disk: %s. It was built beside its place and not moved there, so"
                    + " no half-written file has its name; the next start builds it again"),
    HISTORY_UNREADABLE("PF800", ErrorCode.DATABASE, "cannot %s the migration history: %s"),
    UNKNOWN_APPLIED("PF801", ErrorCode.UNKNOWN_MIGRATION,
            "the database has migration %s (%s), which this application does not know: a newer build migrated it."
                    + " Run that build, or allow it with Migrator.configure(..).allowUnknownMigrations(true)."),
    DIFFERENT_MIGRATION("PF802", ErrorCode.CHECKSUM_MISMATCH,
            "the database holds a different migration %1$s (\"%2$s\", applied %3$s) from this build's %1$s (\"%4$s\","
                    + " %5$s): two branches, or two applications on one database, each made a %1$s. Run the build that"
                    + " applied it (it can go back with migrateTo(%6$d)), or renumber this build's migration after that"
                    + " one's, or give each application a database of its own."),
    CHECKSUM_MISMATCH("PF803", ErrorCode.CHECKSUM_MISMATCH,
            "migration %s (%s) changed after it was applied: the database recorded checksum %s, this build's %s has"
                    + " %s. Applied migrations are frozen: restore the class from version control and put the change"
                    + " into a new migration."),
    OUT_OF_ORDER("PF804", ErrorCode.OUT_OF_ORDER,
            "migration V%04d (%s) is not applied, but the later V%04d is: the migrations were renumbered or merged"
                    + " after this database was migrated. Renumber the new migration after V%04d."),
    TABLES_WITHOUT_HISTORY("PF805", ErrorCode.DRIFT,
            "the database has no Permafrost history (%s is missing or empty), yet it already has %s %s that V0001"
                    + " creates: its history table was dropped, or it was built without Permafrost. Nothing was"
                    + " changed. If its schema is that of a version N of this build, adopt it with"
                    + " Migrator.baseline(N), which checks that before recording 1..N as applied; if the tables are"
                    + " not this application's, migrate another database or schema."),
    DRIFT("PF806", ErrorCode.DRIFT, "%s"),
    BASELINE_DRIFT("PF807", ErrorCode.DRIFT,
            "cannot baseline %s at V%04d: its schema differs from the schema at V%04d:%n  - %s%nMake the database"
                    + " match (or baseline at the version it matches), then baseline again."),
    ALREADY_HAS_HISTORY("PF808", ErrorCode.INVALID_REQUEST,
            "cannot baseline %s: it already has migration history; use migrate() or migrateTo()"),
    LIVE_SCHEMA_UNREADABLE("PF809", ErrorCode.DATABASE, "cannot read the live schema: %s"),

    INTERNAL("PF900", Severity.ERROR,
            "Permafrost failed while %s: %s. Nothing was written. Please report this with the entity and this"
                    + " trace:%n%s");

    private final String code;
    private final Severity severity;
    private final String format;
    private final ErrorCode errorCode;

    Message(String code, Severity severity, String format) {
        this(code, severity, format, null);
    }

    Message(String code, ErrorCode errorCode, String format) {
        this(code, Severity.ERROR, format, errorCode);
    }

    Message(String code, Severity severity, String format, ErrorCode errorCode) {
        this.code = code;
        this.severity = severity;
        this.format = format;
        this.errorCode = errorCode;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** The text with its arguments, without the code. */
    public String text(Object... args) {
        return String.format(format, args);
    }

    /** The full message: {@code [PF201] } and the text. */
    public String format(Object... args) {
        return "[" + code + "] " + text(args);
    }

    /** The run-time failure this message reports. */
    public PermafrostException exception(Object... args) {
        return exception(null, args);
    }

    /** The run-time failure this message reports, caused by {@code cause}. */
    public PermafrostException exception(Throwable cause, Object... args) {
        if (errorCode == null) {
            throw new IllegalStateException(this + " is not a run-time message");
        }
        return new PermafrostException(errorCode, code, text(args), cause);
    }
}
