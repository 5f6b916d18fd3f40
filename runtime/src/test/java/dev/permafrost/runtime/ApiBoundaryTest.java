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
 * The public API (every package the module exports to everyone: {@code dev.permafrost.runtime}, {@code .spi} and
 * {@code dev.permafrost.model}) never exposes a type of a package it does not export, which carries no
 * compatibility promise: the facade may call into one, but no public or protected signature may name it.
 */
class ApiBoundaryTest {

    private static final java.lang.module.ModuleDescriptor MODULE = descriptor();

    private static final java.util.Set<String> EXPORTED = MODULE.exports().stream().filter(e -> !e.isQualified())
            .map(java.lang.module.ModuleDescriptor.Exports::source).collect(java.util.stream.Collectors.toSet());

    @Test
    void noPublicSignatureNamesAnInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        assertEquals(java.util.Set.of("dev.permafrost.runtime", "dev.permafrost.runtime.spi", "dev.permafrost.model"), EXPORTED);
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
        if (type == null) {
            return;
        }
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("dev\\.permafrost(\\.[a-z0-9_]+)+(?=\\.[A-Z])")
                .matcher(type.getTypeName());
        while (names.find()) {
            if (!EXPORTED.contains(names.group())) {
                leaks.add(where + " names " + type.getTypeName() + ", from " + names.group() + ", which is not exported");
            }
        }
    }

    private static java.lang.module.ModuleDescriptor descriptor() {
        try {
            Path root = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return java.lang.module.ModuleFinder.of(root).findAll().iterator().next().descriptor();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every class compiled from the API packages, nested ones included. */
    private static List<Class<?>> apiClasses() throws Exception {
        Path root = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : EXPORTED.stream().sorted().map(p -> p.replace('.', '/')).toList()) {
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
