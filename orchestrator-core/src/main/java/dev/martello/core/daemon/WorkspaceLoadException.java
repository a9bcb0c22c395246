package dev.martello.core.daemon;

import java.nio.file.Path;

/** A workspace the daemon could not run (bad YAML, a mart that throws, an invalid graph, a bad schedule). */
public final class WorkspaceLoadException extends RuntimeException {
    private final Path dir;

    public WorkspaceLoadException(Path dir, String message, Throwable cause) {
        super(message, cause);
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }
}
