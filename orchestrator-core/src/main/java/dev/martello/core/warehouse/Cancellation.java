package dev.martello.core.warehouse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A switch the executor flips to stop a run (e.g. Ctrl-C): the running warehouse statement of every materialization
 * holding it is cancelled, and no further statement starts.
 *
 * <p>{@code Cancellation c = new Cancellation(); ... c.cancel();}
 */
public final class Cancellation {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        listeners.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Calls {@code listener} on cancel (at once when already cancelled); closing the result unregisters it. Public so
     * the executor can wake its own waits (for a free slot, before a retry) the moment a run is cancelled.
     */
    public AutoCloseable onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled) {
            listener.run();
        }
        return () -> listeners.remove(listener);
    }
}
