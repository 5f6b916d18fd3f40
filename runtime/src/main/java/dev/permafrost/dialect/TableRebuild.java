package dev.permafrost.dialect;

import dev.permafrost.diff.Op;
import dev.permafrost.model.Table;
import java.util.List;

/** One table's rebuild, as planned from the schema: see {@link TableRebuilds}. */
public interface TableRebuild {

    /** The table's name before and after. */
    String table();

    /** This rebuild with {@code op} (on this table, foldable) folded in; {@code result} is the table after it. */
    TableRebuild fold(Op op, Table result);

    /** The statements of the rebuild proper, as planned (without what the live table holds beyond the schema). */
    List<String> statements(SqlRenderer renderer);
}
