package dev.permafrost.example;

import dev.permafrost.testkit.MigrationChecks;

/** The nine built-in migration checks, run against the example's frozen migrations. */
class MigrationsTest implements MigrationChecks {
}
