/**
 * The annotations that describe a schema: {@link dev.permafrost.annotations.Table} marks an entity
 * class or record, every non-static, non-transient field (every record component) is a column, and
 * {@link dev.permafrost.annotations.Column}, {@link dev.permafrost.annotations.Id},
 * {@link dev.permafrost.annotations.Index}, {@link dev.permafrost.annotations.References},
 * {@link dev.permafrost.annotations.Check} and {@link dev.permafrost.annotations.RenamedFrom} refine it.
 *
 * <p>All annotations have {@code RUNTIME} retention so that entities compiled earlier can be read back
 * from class files (partial compilation) and by the test kit.
 */
package dev.permafrost.annotations;
