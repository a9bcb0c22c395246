package dev.martello.core.automation;

import java.time.Instant;
import java.util.List;

/**
 * What one automation tick decided: the runs to submit, the evaluations it stored (a decision that repeats the
 * previous one is not stored again), and how many asset partitions it evaluated, which grows with what changed.
 */
public record TickResult(Instant at, List<RunRequest> requests, List<Evaluation> stored, int evaluated) {
    public TickResult {
        requests = List.copyOf(requests);
        stored = List.copyOf(stored);
    }
}
