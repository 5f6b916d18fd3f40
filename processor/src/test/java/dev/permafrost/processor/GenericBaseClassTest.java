package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field of a generic base class has the type the entity gives it: {@code K id} is a {@code Long} in {@code Keyed<Long>}. */
class GenericBaseClassTest {

    @TempDir
    Path dir;

    @Test
    void aGenericKeyOfABaseClassTakesTheEntitysTypeArgument() {
        Compilation compilation = new Project(dir).compile(Map.of(
                "com.acme.Keyed", """
                        package com.acme;

                        import dev.permafrost.annotations.*;

                        public abstract class Keyed<K> {
                            @Id K id;
                        }
                        """,
                "com.acme.Account", """
                        package com.acme;

                        import dev.permafrost.annotations.*;

                        @Table(name = "accounts")
                        public class Account extends Keyed<Long> {
                            @Column(length = 40) String name;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        String snapshot = new Project(dir).snapshot(1);
        assertTrue(snapshot.contains("create table accounts (\n    id bigint not null,\n    name varchar(40),\n"
                + "    constraint pk_accounts primary key (id)\n)"), snapshot);
    }
}
