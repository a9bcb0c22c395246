package dev.martello.core.runs;

/** Where one asset partition of a run is: a step is pending until the executor starts it. */
public enum StepStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED, CANCELED;

    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }
}
