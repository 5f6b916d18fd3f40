package dev.permafrost.example.migrations;

import dev.permafrost.runtime.spi.ResourceMigrationIndex;
import javax.annotation.processing.Generated;

/**
 * The migrations of this module for Permafrost's runtime, found with ServiceLoader. Written once by
 * Permafrost's processor: commit it with the migrations. The list itself, permafrost-index.txt, is
 * generated beside the compiled class at every build.
 */
@Generated("dev.permafrost.processor.PermafrostProcessor")
public final class PermafrostIndex extends ResourceMigrationIndex {
    public PermafrostIndex() {
    }
}
