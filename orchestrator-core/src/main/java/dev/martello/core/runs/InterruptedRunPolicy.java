package dev.martello.core.runs;

/**
 * What recovery does with a run whose process died while executing it: fail it (its unfinished steps failed with
 * {@link FailureKind#ORCHESTRATOR}), or put it back in the queue with its unfinished steps PENDING again, so it runs
 * those steps (and only those) once a node claims it.
 */
public enum InterruptedRunPolicy {
    FAIL, REQUEUE
}
