package dev.permafrost.processor.cache;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Where the processor keeps what it learnt for the next compilation: the root of javac's source output ({@code -s};
 * Maven's {@code target/generated-sources/annotations}), which no build packages. Never the class output: a plain
 * {@code javac} without {@code -s} keeps nothing, and its jar holds only what it always held.
 */
final class CacheDir {

    private CacheDir() {
    }

    /** The file {@code name} there, or {@code null} when there is no such place. */
    static Path file(Filer filer, Path classOutput, String name) {
        if (classOutput == null) {
            return null;
        }
        try {
            URI uri = filer.getResource(StandardLocation.SOURCE_OUTPUT, "", name).toUri();
            if (!"file".equals(uri.getScheme())) {
                return null;
            }
            Path file = Path.of(uri);
            if (file.getParent() == null || file.getParent().toAbsolutePath().normalize()
                    .equals(classOutput.toAbsolutePath().normalize())) {
                return null;
            }
            return file;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes {@code text} as {@code name} through the Filer; on failure, deletes what was there. */
    static void write(Filer filer, Path file, String text) {
        try (Writer writer = filer.createResource(StandardLocation.SOURCE_OUTPUT, "", file.getFileName().toString())
                .openWriter()) {
            writer.write(text);
        } catch (IOException | RuntimeException e) {
            delete(file);
        }
    }

    /** How much older than its recording a file's time must be for the time to vouch for its bytes. */
    private static final long RACY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    /** A file's size and modification time, as git's index keeps them. */
    record Stamp(long size, long modifiedNanos) {

        /** The stamp of {@code file}, or {@code null} when it cannot be read. */
        static Stamp of(Path file) {
            try {
                java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * Whether this stamp, the one recorded at {@code recordedAt} ({@link #now}), vouches for the file's bytes: its
         * time was at least two seconds older than the recording, else it may have changed within the same instant
         * (git's "racy" files).
         */
        boolean vouchesAt(long recordedAt) {
            return modifiedNanos < recordedAt - RACY_NANOS;
        }
    }

    /** The time of a recording, in the nanoseconds {@link Stamp} counts. */
    static long now() {
        return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be deleted is checked entry by entry before any use
        }
    }
}
