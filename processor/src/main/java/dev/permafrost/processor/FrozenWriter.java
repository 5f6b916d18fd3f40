package dev.permafrost.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new version's files into the source tree all or nothing: each file goes to a temporary name
 * and is moved into place, the manifest last; if anything fails, what this call wrote is removed.
 * Existing files are never overwritten.
 */
final class FrozenWriter {

    /** One file to write. */
    record File(Path path, String content, boolean replaces) {
    }

    private FrozenWriter() {
    }

    static void write(List<File> files) throws IOException {
        List<Path> written = new ArrayList<>();
        Path temporary = null;
        try {
            for (File file : files) {
                if (!file.replaces() && Files.exists(file.path())) {
                    throw new IOException(file.path() + " exists already and is never overwritten");
                }
                Files.createDirectories(file.path().getParent());
                temporary = file.path().resolveSibling(file.path().getFileName() + ".tmp");
                Files.writeString(temporary, file.content(), StandardCharsets.UTF_8);
                Files.move(temporary, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (!file.replaces()) {
                    written.add(file.path());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }
}
