package dev.permafrost.example;

import dev.permafrost.testkit.MigrationChecks;

/** The eight built-in migration checks, run against the example's frozen migrations. */
class MigrationsTest implements MigrationChecks {
}
