package dev.martello.web.history;

import java.time.Instant;

/** One evaluation of a check on a version being built. */
public record CheckRecord(String runId, String partition, Instant at, String check, String severity, boolean passed,
                          long failingRows, String message) {
}
