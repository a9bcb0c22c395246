package dev.martello.core.execution;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;

import java.util.List;
import java.util.Objects;

/** A finished run as stored, and how each of its steps ended, in plan order. */
public record RunResult(Run run, List<StepResult> steps) {

    public RunResult {
        Objects.requireNonNull(run, "run");
        steps = List.copyOf(steps);
    }

    public RunStatus status() {
        return run.status();
    }

    public boolean succeeded() {
        return run.status() == RunStatus.SUCCEEDED;
    }

    public long count(StepStatus status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }

    /** The step of {@code label} ({@code mart/name} or {@code mart/name[partition]}); throws if the run had none. */
    public StepResult step(String label) {
        return steps.stream().filter(s -> s.label().equals(label)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " has no step " + label));
    }
}
