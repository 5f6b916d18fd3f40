package dev.permafrost.processor.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a recorded model is keyed by: the options, the converters and every jar of the processor's code. */
class ModelCacheKeyTest {

    @TempDir
    Path dir;

    @Test
    void anotherRuntimeJarBesideTheSameProcessorJarIsAnotherKey() throws IOException {
        Path processor = jar("permafrost-processor.jar", "processor classes", 1_000_000);
        Path runtime = jar("permafrost-runtime.jar", "runtime classes", 1_000_000);
        String key = ModelCache.key(Map.of(), List.of(), List.of(processor, runtime));

        assertEquals(key, ModelCache.key(Map.of(), List.of(), List.of(runtime, processor)), "the order found is not the key");
        jar("permafrost-runtime.jar", "runtime classes, rebuilt", 2_000_000);
        assertNotEquals(key, ModelCache.key(Map.of(), List.of(), List.of(processor, runtime)));
    }

    @Test
    void aJarRewrittenWithItsSizeIsAnotherKeyByItsTime() throws IOException {
        Path processor = jar("permafrost-processor.jar", "processor classes", 1_000_000);
        String key = ModelCache.key(Map.of(), List.of(), List.of(processor));

        jar("permafrost-processor.jar", "processor classez", 2_000_000);
        assertNotEquals(key, ModelCache.key(Map.of(), List.of(), List.of(processor)));
    }

    @Test
    void theOptionsAndConvertersAreTheKeyToo() throws IOException {
        Path processor = jar("permafrost-processor.jar", "processor classes", 1_000_000);
        String key = ModelCache.key(Map.of("permafrost.naming", "snake"), List.of(), List.of(processor));

        assertNotEquals(key, ModelCache.key(Map.of("permafrost.naming", "exact"), List.of(), List.of(processor)));
        assertNotEquals(key, ModelCache.key(Map.of("permafrost.naming", "snake"), List.of("com.acme.MoneyConverter"),
                List.of(processor)));
        assertEquals(key, ModelCache.key(Map.of("permafrost.naming", "snake", "other.option", "x"), List.of(),
                List.of(processor)), "only the processor's own options are the key");
    }

    @Test
    void theKeyOfThisProcessorIsFoundWhereItsClassesAre() {
        assertNotNull(ModelCache.key(Map.of(), List.of()));
    }

    private Path jar(String name, String content, long millis) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        return file;
    }
}
