// Permafrost migration V0003: rename column users.display_name to full_name, alter column products.name to varchar(200) not null.
// Written with snapshot V0003.sql. Edit it (data steps, a rename) until it ships; once it has
// run anywhere it is frozen: every database records its checksum and refuses a changed one.
package dev.permafrost.example.migrations;

import static dev.permafrost.runtime.Ddl.*;

import dev.permafrost.runtime.Migration;
import dev.permafrost.runtime.Operations;

public final class V0003_AlterUsersAndProducts implements Migration {
    @Override
    public void up(Operations op) {
        op.renameColumn("users", "display_name", "full_name");
        op.alterColumn("products", column("name", varchar(200)).notNull()); // was varchar(120) not null
    }

    @Override
    public void down(Operations op) {
        op.alterColumn("products", column("name", varchar(120)).notNull()); // was varchar(200) not null
        op.renameColumn("users", "full_name", "display_name");
    }
}
