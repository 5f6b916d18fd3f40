package dev.permafrost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds and crashes: an entity that uses a type another processor generates waits for it; one whose type
 * never appears is named at its field; a crash is reported at the entity being read, with what the
 * processor was doing and the trace.
 */
class RoundsTest {

    @TempDir
    Path dir;

    static final String ITEM = """
            package com.acme;

            import dev.permafrost.annotations.*;

            @Table(name = "items")
            public class Item {
                @Id long id;
                Status status;
            }
            """;

    @Test
    void anEntityWaitsForATypeAnotherProcessorGenerates() throws IOException {
        Project project = new Project(dir);
        GeneratesSource generator = new GeneratesSource("com.acme.Status",
                "package com.acme;\npublic enum Status { OPEN, CLOSED }\n");
        Compilation compilation = javac().withProcessors(generator, new PermafrostProcessor())
                .withOptions(project.options())
                .compile(List.of(JavaFileObjects.forSourceString("com.acme.Item", ITEM)));
        assertThat(compilation).succeededWithoutWarnings();
        String snapshot = Files.readString(project.schemaDir.resolve("V0001.sql"));
        assertTrue(snapshot.contains("status varchar"), snapshot);
        assertThat(compilation).generatedSourceFile("com.acme.migrations.V0001_Baseline");
        assertThat(compilation).generatedSourceFile("com.acme.migrations.PermafrostIndex");
    }

    @Test
    void aTypeThatNeverAppearsIsNamedAtItsFieldAndNothingIsWritten() {
        Project project = new Project(dir);
        Map<String, String> before = project.fingerprint();
        Compilation compilation = project.compile(Map.of("com.acme.Item", ITEM));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF108] field status of entity com.acme.Item has type Status, which"
                        + " this compilation does not declare, so Permafrost cannot map it; correct its name or import,"
                        + " or add the processor or dependency that provides it (Permafrost waits for types that another"
                        + " processor generates in a later round)")
                .inFile(project.file("com.acme.Item")).onLineContaining("Status status;");
        assertEquals(before, project.fingerprint());
    }

    @Test
    void aCrashIsReportedAtTheEntityBeingReadWithTheStageAndTheTrace() {
        Project project = new Project(dir);
        Map<String, String> before = project.fingerprint();
        String base = "package com.acme;\npublic class Base { @dev.permafrost.annotations.Id long id; }\n";
        String item = """
                package com.acme;

                @dev.permafrost.annotations.Table(name = "items")
                public class Item extends Base {
                    String name;
                }
                """;
        Compilation compilation = javac().withProcessors(new WithBrokenTypes(new SchemaProcessor()))
                .withOptions(project.options())
                .compile(List.of(JavaFileObjects.forSourceString("com.acme.Base", base),
                        JavaFileObjects.forSourceString("com.acme.Item", item)));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[PF900] Permafrost failed while reading entity com.acme.Item:"
                        + " java.lang.IllegalStateException: broken Types.asMemberOf. Nothing was written. Please report"
                        + " this with the entity and this trace:")
                .inFile(compilation.sourceFiles().get(1)).onLineContaining("public class Item");
        assertThat(compilation).hadErrorContaining("at dev.permafrost.processor.read.EntityReader");
        assertEquals(before, project.fingerprint());
    }

    /** Runs a processor with a {@link Types} that fails, standing in for a bug in the processor. */
    record WithBrokenTypes(Processor delegate) implements Processor {
        @Override
        public void init(ProcessingEnvironment env) {
            Types broken = (Types) Proxy.newProxyInstance(Types.class.getClassLoader(), new Class<?>[] {Types.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("asMemberOf")) {
                            throw new IllegalStateException("broken Types.asMemberOf");
                        }
                        try {
                            return method.invoke(env.getTypeUtils(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getTypeUtils")) {
                            return broken;
                        }
                        try {
                            return method.invoke(env, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                             ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
