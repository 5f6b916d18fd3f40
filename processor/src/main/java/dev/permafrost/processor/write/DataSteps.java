package dev.permafrost.processor.write;

import dev.permafrost.snapshot.Hashing;
import dev.permafrost.snapshot.StubChecksum;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data steps a stub's code calls ({@code op.sql(..)}, {@code op.execute(..)}), read from its tokens: what a
 * squashed baseline would not run on a fresh database. A call of a method by either name counts, whatever it is
 * called on, so a step is never missed; the test kit checks the recorded steps exactly (ADR 0025).
 */
public final class DataSteps {

    private DataSteps() {
    }

    /** The data-step methods {@code source} calls, in the order they first appear ({@code op.sql}, {@code op.execute}). */
    public static List<String> in(String source) {
        List<String> tokens = StubChecksum.tokens(Hashing.normalize(source));
        Set<String> found = new LinkedHashSet<>();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            String name = tokens.get(i);
            if ((name.equals("sql") || name.equals("execute")) && tokens.get(i - 1).equals(".")
                    && tokens.get(i + 1).equals("(")) {
                found.add("op." + name);
            }
        }
        return List.copyOf(found);
    }
}
