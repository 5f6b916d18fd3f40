/** The annotations Permafrost's processor reads from entity classes and records. */
module dev.permafrost.annotations {
    exports dev.permafrost.annotations;
}
