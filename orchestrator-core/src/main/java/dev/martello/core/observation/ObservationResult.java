package dev.martello.core.observation;

import java.util.List;

/**
 * What one poll of the sources found: the new data versions it stored, and the sources it could not read (each
 * with the reason), which are tried again at the next poll.
 */
public record ObservationResult(List<SourceObservation> observed, List<String> problems, int polled) {
    public ObservationResult {
        observed = List.copyOf(observed);
        problems = List.copyOf(problems);
    }
}
