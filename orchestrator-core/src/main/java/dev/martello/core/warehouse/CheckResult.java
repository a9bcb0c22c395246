package dev.martello.core.warehouse;

import dev.martello.dsl.Severity;

/**
 * The outcome of one check on a new version.
 *
 * @param failingRows rows that break the check (0 for {@code row_count}, whose message says the count)
 * @param message what was found, with a sample of offending values when there are any
 */
public record CheckResult(String name, Severity severity, boolean passed, long failingRows, String message) {

    /** Whether this result stops the publish. */
    public boolean blocks() {
        return !passed && severity == Severity.ERROR;
    }
}
