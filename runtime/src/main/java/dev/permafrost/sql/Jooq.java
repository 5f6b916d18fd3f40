package dev.permafrost.sql;

/** jOOQ's start-up banner and tips do not belong in a user's build or application log. */
public final class Jooq {

    private Jooq() {
    }

    /** Turns off jOOQ's logo and tip of the day unless the application decided otherwise. */
    public static void quiet() {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }
}
