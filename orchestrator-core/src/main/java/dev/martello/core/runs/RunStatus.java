package dev.martello.core.runs;

/** Where a run is in its life; {@link #isTerminal() terminal} states are final. */
public enum RunStatus {
    QUEUED, STARTED, SUCCEEDED, FAILED, CANCELED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }
}
