package dev.permafrost.sql;

/**
 * jOOQ's start-up banner, tips and dialect-version notices do not belong in a user's build or application
 * log: Permafrost renders and runs its own SQL, and knows which database versions it is tested on.
 */
public final class Jooq {

    private Jooq() {
    }

    /**
     * The logger jOOQ reports a connection's database version with ("Database version is older than what
     * dialect POSTGRES supports: 15.20" on the PostgreSQL 15 these machines run), and the system property
     * that sets its threshold.
     */
    static final String VERSION_NOTICE = "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport";

    /** Turns off jOOQ's logo, tip of the day and version notices unless the application decided otherwise. */
    public static void quiet() {
        setUnlessSet("org.jooq.no-logo", "true");
        setUnlessSet("org.jooq.no-tips", "true");
        setUnlessSet(VERSION_NOTICE, "ERROR");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
