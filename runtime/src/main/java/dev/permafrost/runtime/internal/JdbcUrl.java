package dev.permafrost.runtime.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Permafrost needs to know about a JDBC URL without connecting: how to print it without its
 * credentials, which driver artifact serves it, and whether every connection to it opens a new empty
 * database.
 */
public final class JdbcUrl {

    /** {@code password=..}, {@code pass=..}, {@code pwd=..} as query ({@code ?&}) or property ({@code ;}) parameters. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:password|passwd|pass|pwd)=)([^&;\\s'\"),]*)");
    /** {@code //user:secret@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]*:)([^@/?;]*)(@)");

    private JdbcUrl() {
    }

    /** {@code text} with every password a JDBC URL in it might carry replaced by {@code ***}. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        String masked = SECRET_PARAMETER.matcher(text).replaceAll("$1***");
        Matcher userInfo = USER_INFO.matcher(masked);
        return userInfo.replaceAll("$1***$3");
    }

    /**
     * {@code text} masked as {@link #masked(String)} does, and with every password {@code url} carries
     * replaced wherever it appears: drivers quote parts of the URL in their own words ("Incorrect port
     * value : s3cret@db").
     */
    public static String masked(String text, String url) {
        String masked = masked(text);
        if (masked == null || url == null) {
            return masked;
        }
        for (Pattern pattern : new Pattern[] {SECRET_PARAMETER, USER_INFO}) {
            Matcher m = pattern.matcher(url);
            while (m.find()) {
                String secret = m.group(2);
                if (secret.length() >= 3) {
                    masked = masked.replace(secret, "***");
                }
            }
        }
        return masked;
    }

    /** The Maven coordinates of the driver for {@code url}'s database, or {@code null} for one Permafrost does not know. */
    public static String driverArtifact(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return "org.postgresql:postgresql";
        } else if (lower.startsWith("jdbc:mariadb:")) {
            return "org.mariadb.jdbc:mariadb-java-client";
        } else if (lower.startsWith("jdbc:mysql:")) {
            return "com.mysql:mysql-connector-j (or org.mariadb.jdbc:mariadb-java-client with a jdbc:mariadb: URL)";
        } else if (lower.startsWith("jdbc:h2:")) {
            return "com.h2database:h2";
        } else if (lower.startsWith("jdbc:sqlite:")) {
            return "org.xerial:sqlite-jdbc";
        }
        return null;
    }

    /**
     * Why a migrator given only this URL would migrate a database nobody else sees, or {@code null} when it
     * would not: each new connection to an in-memory SQLite database, or to an H2 one without
     * {@code DB_CLOSE_DELAY=-1}, starts empty, so the schema goes with the migrator's connection.
     */
    public static String vanishingDatabase(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            String rest = lower.substring("jdbc:sqlite:".length());
            if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file::memory:")
                    || hasParameter(rest, "mode", "memory")) {
                return url + " is an in-memory SQLite database: every connection opens a new, empty one, so the"
                        + " schema would be gone as soon as the migrator's connection closes. Use a file"
                        + " (jdbc:sqlite:app.db), or pass Migrator.create(DataSource) a data source that keeps one"
                        + " connection open for as long as the application uses the database";
            }
        } else if (lower.startsWith("jdbc:h2:mem:") && !lower.contains("db_close_delay=-1")) {
            return url + " is an in-memory H2 database that closes with its last connection, so the schema would"
                    + " be gone as soon as the migrator's connection closes. Add ;DB_CLOSE_DELAY=-1 to the URL"
                    + " (jdbc:h2:mem:app;DB_CLOSE_DELAY=-1) or pass Migrator.create(DataSource) a data source that"
                    + " keeps a connection open";
        }
        return null;
    }

    /**
     * Whether the query of {@code url} (after its {@code ?}, lower case) has parameter {@code name} with
     * {@code value}: {@code mode=memory}, not {@code journal_mode=memory}.
     */
    private static boolean hasParameter(String url, String name, String value) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            if (parameter.equals(name + "=" + value)) {
                return true;
            }
        }
        return false;
    }
}
