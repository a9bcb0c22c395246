package dev.martello.core.execution;

import dev.martello.core.runs.FailureKind;

import java.util.Objects;

/**
 * Why an attempt failed: who is to blame, the message (starting with who, e.g. {@code warehouse: …}) and whether
 * another attempt can help.
 */
record Failure(FailureKind kind, String message, boolean retryable) {
    Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Failure orchestrator(String message) {
        return new Failure(FailureKind.ORCHESTRATOR, "orchestrator: " + message, false);
    }
}
