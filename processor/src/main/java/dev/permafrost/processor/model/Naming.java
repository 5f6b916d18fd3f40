package dev.permafrost.processor.model;

import dev.permafrost.model.Names;
import java.util.List;

/**
 * How constraints and indexes are named when the entities do not name them ({@code -Apermafrost.naming}).
 * Names longer than 63 characters are shortened with a stable hash either way.
 */
public enum Naming {
    /**
     * {@code pk_<table>}, {@code uq_<table>_<columns>}, {@code ix_..}, {@code fk_<table>_<columns>_<referenced>},
     * {@code ck_<table>_<name>}.
     */
    PERMAFROST,
    /**
     * PostgreSQL's own: {@code <table>_pkey}, {@code <table>_<columns>_key}, {@code <table>_<columns>_idx},
     * {@code <table>_<columns>_fkey}, {@code <table>_<name>_check}, so that a database built by hand or by another
     * tool is adopted by {@code baseline()} without a finding about names.
     */
    POSTGRESQL;

    public String primaryKey(String table) {
        return this == PERMAFROST ? Names.primaryKey(table) : Names.shorten(table + "_pkey");
    }

    public String unique(String table, List<String> columns) {
        return this == PERMAFROST ? Names.unique(table, columns)
                : Names.shorten(table + "_" + String.join("_", columns) + "_key");
    }

    public String index(String table, List<String> columns) {
        return this == PERMAFROST ? Names.index(table, columns)
                : Names.shorten(table + "_" + String.join("_", columns) + "_idx");
    }

    public String foreignKey(String table, List<String> columns, String referencedTable) {
        return this == PERMAFROST ? Names.foreignKey(table, columns, referencedTable)
                : Names.shorten(table + "_" + String.join("_", columns) + "_fkey");
    }

    public String check(String table, String name) {
        return this == PERMAFROST ? Names.check(table, name) : Names.shorten(table + "_" + name + "_check");
    }
}
