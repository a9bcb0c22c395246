package dev.martello.core.planning;

import java.util.List;

/** The steps of a run in dependency order: every step comes after the steps it depends on. */
public record Plan(String selection, List<PlannedStep> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
