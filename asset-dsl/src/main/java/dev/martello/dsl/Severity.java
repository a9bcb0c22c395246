package dev.martello.dsl;

/** What a failing check does: {@code ERROR} blocks the publish of the new version, {@code WARN} only reports. */
public enum Severity {
    WARN, ERROR
}
