package dev.permafrost.spring;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * Boot's own auto-configurations by simple name, wherever the running line keeps them (Boot 4 moved them into
 * per-technology modules), so that one test source runs on Boot 3.5 and on Boot 4.0.
 */
final class Boot {

    private static final List<String> PACKAGES = List.of(
            "org.springframework.boot.autoconfigure.jdbc.",
            "org.springframework.boot.jdbc.autoconfigure.",
            "org.springframework.boot.autoconfigure.orm.jpa.",
            "org.springframework.boot.hibernate.autoconfigure.",
            "org.springframework.boot.autoconfigure.transaction.",
            "org.springframework.boot.transaction.autoconfigure.",
            "org.springframework.boot.autoconfigure.sql.init.",
            "org.springframework.boot.actuate.autoconfigure.endpoint.",
            "org.springframework.boot.actuate.autoconfigure.endpoint.web.");

    private Boot() {
    }

    static AutoConfigurations autoConfigurations(String... simpleNames) {
        return AutoConfigurations.of(Arrays.stream(simpleNames).map(Boot::find).toArray(Class<?>[]::new));
    }

    private static Class<?> find(String simpleName) {
        for (String pkg : PACKAGES) {
            try {
                return Class.forName(pkg + simpleName);
            } catch (ClassNotFoundException e) {
                // not in this package on this line
            }
        }
        throw new AssertionError("no auto-configuration " + simpleName + " in " + PACKAGES);
    }

    /** The major version of the Boot the tests run on. */
    static int line() {
        return Integer.parseInt(org.springframework.boot.SpringBootVersion.getVersion().split("\\.")[0]);
    }
}
