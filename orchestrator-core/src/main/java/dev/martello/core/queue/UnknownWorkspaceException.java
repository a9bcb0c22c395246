package dev.martello.core.queue;

import java.util.Collection;

/** A request named a workspace the daemon does not host (or hosts broken); the message lists the hosted ones. */
public final class UnknownWorkspaceException extends IllegalArgumentException {
    public UnknownWorkspaceException(String name, Collection<String> hosted) {
        super("No workspace '" + name + "' is running here; running: " + (hosted.isEmpty() ? "none"
            : String.join(", ", hosted)) + ". Check the name, or 'martello serve' output for a workspace that failed"
            + " to load.");
    }
}
