/**
 * Permafrost's runtime: applies the frozen migrations at start-up ({@link dev.permafrost.runtime.Migrator}).
 *
 * <p>Users call {@code dev.permafrost.runtime} (and, in migrations, {@code dev.permafrost.model}'s types through
 * {@link dev.permafrost.runtime.Ddl}); the generated index implements {@code dev.permafrost.runtime.spi}. Everything
 * else is shared with Permafrost's own processor and test kit only: the qualified exports below are that seam, and
 * the only one (docs/adr/0012-module-boundary.md).
 */
@SuppressWarnings("module") // the processor and the test kit are built after it
module dev.permafrost.runtime {
    requires transitive java.sql;
    requires transitive org.jooq;

    exports dev.permafrost.runtime;
    exports dev.permafrost.runtime.spi;
    exports dev.permafrost.model;

    exports dev.permafrost.diff to dev.permafrost.processor, dev.permafrost.testkit;
    exports dev.permafrost.snapshot to dev.permafrost.processor, dev.permafrost.testkit;
    exports dev.permafrost.sql to dev.permafrost.processor, dev.permafrost.testkit;
    exports dev.permafrost.message to dev.permafrost.processor, dev.permafrost.testkit;
    exports dev.permafrost.dialect to dev.permafrost.processor, dev.permafrost.testkit;
    exports dev.permafrost.runtime.internal to dev.permafrost.processor, dev.permafrost.testkit;

    uses dev.permafrost.runtime.spi.MigrationIndex;
}
