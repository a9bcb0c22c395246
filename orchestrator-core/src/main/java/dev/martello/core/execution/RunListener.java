package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.Run;

/**
 * Live progress of a run, e.g. for the CLI's progress display. Calls come from the run's threads but never two at a
 * time, so a listener needs no locking of its own; an exception it throws is logged and does not affect the run.
 *
 * <p>{@code runtime.materialize("core/*", PartitionChoice.latest(), RunOptions.manual(), new RunListener() {
 * public void stepFinished(PlannedStep step, StepResult result) { print(result); } })}
 */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    /** The run is recorded and about to launch its first steps. */
    default void runStarted(Run run, Plan plan) {
    }

    /** An attempt of a step began (attempts count from 1; a retry starts again). */
    default void stepStarted(PlannedStep step, int attempt) {
    }

    /** A step reached its final state: succeeded, failed, skipped or canceled. */
    default void stepFinished(PlannedStep step, StepResult result) {
    }

    default void runFinished(RunResult result) {
    }
}
