package dev.permafrost.processor;

import dev.permafrost.message.Message;
import dev.permafrost.processor.model.Naming;
import dev.permafrost.processor.read.JpaNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor's options, as given with {@code -Akey=value}.
 *
 * @param schemaDir where snapshots and their manifest live, or {@code null} for the module default
 * @param migrationsDir the source root stubs are written into, or {@code null} for the module default
 * @param migrationsPackage the stubs' package, or {@code null} for the manifest's or the entities' default
 * @param databases the databases the project runs on: what compiles must run on each
 * @param naming how constraints and indexes the entities do not name are named
 * @param jpaNaming how JPA entities' table and column names are derived
 * @param declared the databases {@code permafrost.databases} names, empty when it is not given: the production
 *     databases whose locks {@link dev.permafrost.processor.lint.LockLint} warns about
 * @param locks what an operation that locks or rewrites a populated table, or breaks the previous release, produces
 * @param squash the version to squash up to ({@code permafrost.squash}), or 0
 * @param withoutData the replaced versions whose data steps were confirmed not to be needed by a fresh database
 *     ({@code permafrost.squash.withoutData})
 */
public record Options(Path schemaDir, Path migrationsDir, String migrationsPackage, DataLoss dataLoss, Mode mode,
                      Set<Target> databases, Naming naming, JpaNaming jpaNaming, Set<Target> declared,
                      Locks locks, int squash, Set<Integer> withoutData) {

    public static final String SCHEMA_DIR = "permafrost.schemaDir";
    public static final String MIGRATIONS_DIR = "permafrost.migrationsDir";
    public static final String MIGRATIONS_PACKAGE = "permafrost.migrationsPackage";
    public static final String DATA_LOSS = "permafrost.dataLoss";
    public static final String MODE = "permafrost.mode";
    public static final String DATABASES = "permafrost.databases";
    public static final String NAMING = "permafrost.naming";
    public static final String JPA_NAMING = "permafrost.jpa.naming";
    public static final String LOCK_LINT = "permafrost.lockLint";
    public static final String SQUASH = "permafrost.squash";
    public static final String SQUASH_WITHOUT_DATA = "permafrost.squash.withoutData";

    public static final Set<String> ALL = Set.of(SCHEMA_DIR, MIGRATIONS_DIR, MIGRATIONS_PACKAGE, DATA_LOSS, MODE, DATABASES,
            NAMING, JPA_NAMING, LOCK_LINT, SQUASH, SQUASH_WITHOUT_DATA);

    /** What an operation that locks a populated table (PF510 to PF513) produces. */
    public enum Locks { WARN, ERROR, OFF }

    /** What an operation that can lose data produces. */
    public enum DataLoss { WARN, ERROR }

    /** Whether a model change writes files or fails the build. */
    public enum Mode { WRITE, CHECK }

    /** Parses the options; reports unknown keys and bad values and returns {@code null} if there were any. */
    public static Options parse(Map<String, String> raw, Diagnostics diagnostics) {
        int before = diagnostics.errors();
        for (String key : new TreeSet<>(raw.keySet())) {
            if (key.startsWith("permafrost.") && !ALL.contains(key)) {
                diagnostics.report(Message.OPTION_UNKNOWN, key, suggestion(key), String.join(", ", new TreeSet<>(ALL)));
            }
        }
        DataLoss dataLoss = choice(raw, DATA_LOSS, DataLoss.class, DataLoss.WARN, diagnostics);
        Mode mode = choice(raw, MODE, Mode.class, Mode.WRITE, diagnostics);
        String migrationsPackage = blankToNull(raw.get(MIGRATIONS_PACKAGE));
        String packageProblem = packageProblem(migrationsPackage);
        if (packageProblem != null) {
            diagnostics.report(Message.NOT_A_PACKAGE, migrationsPackage, packageProblem);
        }
        Set<Target> databases = databases(raw.get(DATABASES), diagnostics);
        Naming naming = choice(raw, NAMING, Naming.class, Naming.PERMAFROST, diagnostics);
        JpaNaming jpaNaming = choice(raw, JPA_NAMING, JpaNaming.class, JpaNaming.SPRING, diagnostics);
        Locks locks = choice(raw, LOCK_LINT, Locks.class, Locks.WARN, diagnostics);
        Set<Target> declared = raw.get(DATABASES) == null || raw.get(DATABASES).isBlank() ? Set.of() : databases;
        int squash = version(raw, SQUASH, diagnostics);
        Set<Integer> withoutData = new TreeSet<>();
        String confirmed = blankToNull(raw.get(SQUASH_WITHOUT_DATA));
        if (confirmed != null) {
            for (String part : confirmed.split(",")) {
                int version = parseVersion(part.trim());
                if (version < 1) {
                    diagnostics.report(Message.OPTION_VALUE, SQUASH_WITHOUT_DATA, confirmed,
                            "the versions whose data steps a fresh database does not need, comma-separated (3,7)");
                    break;
                }
                withoutData.add(version);
            }
        }
        if (diagnostics.errors() > before) {
            return null;
        }
        return new Options(path(raw.get(SCHEMA_DIR)), path(raw.get(MIGRATIONS_DIR)), migrationsPackage, dataLoss, mode,
                databases, naming, jpaNaming, declared, locks, squash, Set.copyOf(withoutData));
    }

    /** A version option: 0 when absent, reported when it is not a number from 1. */
    private static int version(Map<String, String> raw, String key, Diagnostics diagnostics) {
        String value = blankToNull(raw.get(key));
        if (value == null) {
            return 0;
        }
        int version = parseVersion(value);
        if (version < 1) {
            diagnostics.report(Message.SQUASH_TARGET, value, "give the version to squash up to, a number such as 12");
        }
        return Math.max(version, 0);
    }

    /** A version written {@code 12} or {@code V12}; -1 when it is neither. */
    private static int parseVersion(String text) {
        String digits = text.startsWith("V") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    private static Set<Target> databases(String value, Diagnostics diagnostics) {
        if (value == null || value.isBlank()) {
            return Target.all();
        }
        Set<Target> targets = java.util.EnumSet.noneOf(Target.class);
        for (String name : value.split(",")) {
            Target target = Target.named(name);
            if (target == null) {
                diagnostics.report(Message.OPTION_VALUE, DATABASES, name.trim(), String.join(", ",
                        Target.all().stream().map(Target::optionName).toList()) + " (comma-separated)");
                return Target.all();
            }
            targets.add(target);
        }
        return targets;
    }

    /** Why {@code name} is not a usable Java package name, or {@code null} when it is (or is absent). */
    public static String packageProblem(String name) {
        if (name == null) {
            return null;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty()) {
                return "it has an empty part";
            }
            if (javax.lang.model.SourceVersion.isKeyword(part)) {
                return "'" + part + "' is a Java keyword";
            }
            if (!javax.lang.model.SourceVersion.isIdentifier(part)) {
                return "'" + part + "' is not a Java identifier";
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> raw, String key, Class<E> type, E fallback,
                                                Diagnostics diagnostics) {
        String value = raw.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        diagnostics.report(Message.OPTION_VALUE, key, value, String.join(", ", allowed));
        return fallback;
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : new TreeSet<>(ALL)) {
            int distance = distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = known;
            }
        }
        return bestDistance <= 4 ? " (did you mean -A" + best + "?)" : "";
    }

    /** Levenshtein distance, for "did you mean". */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim()).toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
