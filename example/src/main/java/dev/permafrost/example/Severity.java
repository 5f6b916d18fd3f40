package dev.permafrost.example;

/** How bad a bug is; stored by name. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
