package dev.permafrost.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words that cannot be used as unquoted identifiers on at least one supported database. Permafrost renders
 * names unquoted (plans read like hand-written SQL, and H2's upper-case folding keeps working), except these,
 * which it quotes everywhere, on every database alike (see {@link Names#quoted}).
 */
public final class ReservedWords {

    /** Every reserved word, lower case, with the databases that reserve it (hashed: every name rendered is looked up). */
    private static final Map<String, Set<String>> WORDS = new HashMap<>();

    static {
        add("SQLite", "add all alter and as autoincrement between case check collate commit constraint create"
                + " default deferrable delete distinct drop else escape except exists foreign from group having in"
                + " index insert intersect into is isnull join limit not nothing notnull null on or order primary"
                + " references returning select set table then to transaction union unique update using values when"
                + " where");
        add("PostgreSQL", "all analyse analyze and any array as asc asymmetric authorization binary both case cast"
                + " check collate collation column concurrently constraint create cross current_catalog current_date"
                + " current_role current_schema current_time current_timestamp current_user default deferrable desc"
                + " distinct do else end except false fetch for foreign freeze from full grant group having ilike in"
                + " initially inner intersect into is isnull join lateral leading left like limit localtime"
                + " localtimestamp natural not notnull null offset on only or order outer overlaps placing primary"
                + " references returning right select session_user similar some symmetric system_user table"
                + " tablesample then to trailing true union unique user using variadic verbose when where window"
                + " with");
        add("MariaDB", "accessible add all alter analyze and as asc asensitive before between bigint binary blob"
                + " both by call cascade case change char character check collate column condition constraint"
                + " continue convert create cross current_date current_role current_time current_timestamp"
                + " current_user cursor database databases day_hour day_microsecond day_minute day_second dec"
                + " decimal declare default delayed delete desc describe deterministic distinct distinctrow div"
                + " double drop dual each else elseif enclosed escaped except exists exit explain false fetch float"
                + " float4 float8 for force foreign from fulltext general grant group having high_priority"
                + " hour_microsecond hour_minute hour_second if ignore in index infile inner inout insensitive insert"
                + " int int1 int2 int3 int4 int8 integer intersect interval into is iterate join key keys kill"
                + " leading leave left like limit linear lines load localtime localtimestamp lock long longblob"
                + " longtext loop low_priority match maxvalue mediumblob mediumint mediumtext middleint"
                + " minute_microsecond minute_second mod modifies natural not no_write_to_binlog null numeric offset"
                + " on optimize option optionally or order out outer outfile over partition position precision"
                + " primary procedure purge range read reads read_write real recursive references regexp release"
                + " rename repeat replace require resignal restrict return returning revoke right rlike row_number"
                + " rows schema schemas second_microsecond select sensitive separator set show signal slow smallint"
                + " spatial specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows"
                + " sql_small_result ssl starting straight_join table terminated then tinyblob tinyint tinytext to"
                + " trailing trigger true undo union unique unlock unsigned update usage use using utc_date utc_time"
                + " utc_timestamp values varbinary varchar varcharacter varying when where while window with write"
                + " xor year_month zerofill");
        add("H2", "all and any array as asymmetric authorization between both case cast check constraint cross"
                + " current_catalog current_date current_path current_role current_schema current_time"
                + " current_timestamp current_user day default distinct else end except exists false fetch for"
                + " foreign from full group groups having hour if ilike in inner intersect interval is join key"
                + " leading left like limit localtime localtimestamp minus minute month natural not null offset on"
                + " or order over partition primary qualify range regexp right row rownum rows second select"
                + " session_user set some symmetric system_user table to top trailing true uescape union unique"
                + " unknown user using value values when where window with year _rowid_");
    }

    private static void add(String database, String words) {
        Arrays.stream(words.split(" ")).forEach(w -> WORDS.computeIfAbsent(w, k -> new TreeSet<>()).add(database));
    }

    private ReservedWords() {
    }

    /** The databases that reserve {@code name}, empty if none does. */
    public static Set<String> reservedBy(String name) {
        return WORDS.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of());
    }

    /** Whether some supported database reserves {@code name}, so that Permafrost quotes it. */
    public static boolean isReserved(String name) {
        return WORDS.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
