package dev.martello.core.execution;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.Step;

import java.util.List;
import java.util.Objects;

/** One run as stored: the run, its steps (started ones in start order) and its event log, for {@code martello run ID}. */
public record RunDetails(Run run, List<Step> steps, List<RunEvent> events) {
    public RunDetails {
        Objects.requireNonNull(run, "run");
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }
}
