package dev.permafrost.runtime.internal;

import dev.permafrost.message.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * Refuses a jOOQ older than the one the runtime is built on before anything calls it: a dependency manager (Spring
 * Boot's manages jOOQ at 3.19) can put an older jOOQ on the class path, which would otherwise fail half-way through a
 * migration with a {@link NoSuchMethodError}. Reads the version from jOOQ's Maven metadata, without loading a jOOQ
 * class (an up-to-date start loads none).
 */
public final class JooqVersion {

    static final String POM_PROPERTIES = "META-INF/maven/org.jooq/jooq/pom.properties";
    private static final int MAJOR = 3;
    private static final int MINOR = 21;

    private static volatile boolean checked;

    private JooqVersion() {
    }

    /** Throws PF626 if jOOQ's recorded version is older than 3.21; passes when it cannot be told (a repackaged jOOQ). */
    public static void require() {
        if (checked) {
            return;
        }
        check(JooqVersion.class.getClassLoader());
        checked = true;
    }

    /** Throws PF626 if the jOOQ {@code loader} finds is older than 3.21. */
    static void check(ClassLoader loader) {
        URL pom = loader == null ? null : loader.getResource(POM_PROPERTIES);
        if (pom != null) {
            String version = version(pom);
            if (version != null && tooOld(version)) {
                throw Message.JOOQ_TOO_OLD.exception(version, location(pom));
            }
        }
    }

    private static String version(URL pom) {
        Properties properties = new Properties();
        try (InputStream in = pom.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** Whether {@code version} ({@code 3.19.27}, {@code 3.21.7}) is older than 3.21; an unreadable one is not. */
    static boolean tooOld(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < MAJOR || major == MAJOR && minor < MINOR;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The jar (or directory) jOOQ came from, as a path where it is a file, for the message. */
    static String location(URL pom) {
        String text = pom.toString();
        int bang = text.indexOf("!/");
        text = bang >= 0 ? text.substring(0, bang).replaceFirst("^jar:", "")
                : text.substring(0, text.length() - POM_PROPERTIES.length());
        try {
            return text.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(text)).toString() : text;
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
