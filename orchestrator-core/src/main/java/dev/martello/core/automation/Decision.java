package dev.martello.core.automation;

/** What an automation evaluation decided for one asset partition. */
public enum Decision {
    /** A run was requested from the daemon. */
    REQUESTED,
    /** Nothing was requested; the evaluation's reason says why. */
    SKIPPED
}
