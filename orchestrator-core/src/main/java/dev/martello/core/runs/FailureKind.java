package dev.martello.core.runs;

/**
 * Who or what failed a step, so every error says whether user code, the warehouse or the orchestrator is to blame.
 * {@link #UPSTREAM_FAILED} marks a step that never ran because a step it depends on failed.
 */
public enum FailureKind {
    USER_CODE, WAREHOUSE, ORCHESTRATOR, CHECK, CONTRACT, TIMEOUT, CANCELED, UPSTREAM_FAILED
}
