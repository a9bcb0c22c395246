package dev.martello.core.workspace;

/** A {@code workspace.yaml} that cannot be read, with the file, line and field in the message. */
public final class WorkspaceConfigException extends RuntimeException {
    public WorkspaceConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
