package dev.permafrost.processor.cache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every class a class file names, read from its constant pool: the classes it refers to and every type in its
 * descriptors and signatures (fields, methods, generic signatures, annotations and their class values). More than the
 * class depends on, never less: a string constant that looks like a descriptor counts too.
 */
final class ClassReferences {

    private static final Pattern DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {
    }

    /** The internal names ({@code com/acme/Item$Key}) {@code classFile} names, or {@code null} when it is not one. */
    static Set<String> of(byte[] classFile) {
        Set<String> names = new TreeSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                return null;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classes = new int[count];
            int classCount = 0;
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classes[classCount++] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            for (int c = 0; c < classCount; c++) {
                String name = classes[c] < count ? utf8[classes[c]] : null;
                if (name == null) {
                    return null;
                }
                if (name.startsWith("[")) {
                    descriptors(name, names);
                } else {
                    names.add(name);
                }
            }
            for (String text : utf8) {
                if (text != null) {
                    descriptors(text, names);
                }
            }
            return names;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void descriptors(String text, Set<String> names) {
        if (text.indexOf('L') < 0) {
            return;
        }
        Matcher m = DESCRIPTOR.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }
}
