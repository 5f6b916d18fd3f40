// Permafrost migration V0002: add features_synced_at to products.
// Written with snapshot V0002.sql. Edit it (data steps, a rename) until it ships; once it has
// run anywhere it is frozen: every database records its checksum and refuses a changed one.
package dev.permafrost.example.migrations;

import static dev.permafrost.runtime.Ddl.*;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;

public final class V0002_AddFeaturesSyncedAtToProducts implements Migration {
    @Override
    public void up(Operations op) {
        op.addColumn("products", column("features_synced_at", TIMESTAMP_TZ));
    }

    @Override
    public void down(Operations op) {
        op.dropColumn("products", "features_synced_at");
    }
}
