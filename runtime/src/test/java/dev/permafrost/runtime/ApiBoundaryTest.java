package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API ({@code dev.permafrost.runtime} and {@code .spi}) never exposes a type of
 * {@code .internal}, which carries no compatibility promise: the facade may call into it, but no public
 * or protected signature may name it.
 */
class ApiBoundaryTest {

    private static final String INTERNAL = "dev.permafrost.runtime.internal";

    @Test
    void noPublicSignatureNamesAnInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        assertTrue(api.size() > 15, "the API classes were not found: " + api);
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName() + " implements", implemented, leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    check(method.toGenericString(), method.getGenericReturnType(), leaks);
                    parameters(method, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    parameters(constructor, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(field.toGenericString(), field.getGenericType(), leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void parameters(Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(executable.toGenericString(), parameter, leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(executable.toGenericString(), thrown, leaks);
        }
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type != null && type.getTypeName().contains(INTERNAL + ".")) {
            leaks.add(where + " names " + type.getTypeName());
        }
    }

    /** Every class compiled from the API packages, nested ones included. */
    private static List<Class<?>> apiClasses() throws Exception {
        Path root = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : List.of("dev/permafrost/runtime", "dev/permafrost/runtime/spi")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, Migrator.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
