package dev.martello.web.history;

import java.time.Instant;

/** One published version of an asset partition, as the asset page's history chart shows it. */
public record MaterializationRecord(String runId, String partition, Instant at, long rows, long durationMs) {
}
