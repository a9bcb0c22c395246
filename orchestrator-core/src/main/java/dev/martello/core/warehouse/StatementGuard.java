package dev.martello.core.warehouse;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops one materialization's warehouse work when its timeout passes or its run is cancelled: a timer thread calls
 * {@link Statement#cancel()} on whatever statement is running, and no further statement starts. One mechanism for every
 * backend (DuckDB ignores {@code setQueryTimeout}); the query timeout is still set as a backstop on the others.
 */
final class StatementGuard implements AutoCloseable {
    private final Duration timeout;
    private final long deadlineNanos;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> timer;
    private final AutoCloseable registration;
    private volatile boolean timedOut;
    private volatile boolean cancelled;

    private StatementGuard(Duration timeout, Cancellation cancellation, ScheduledExecutorService scheduler) {
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        this.timer = timeout == null ? null
            : scheduler.schedule(() -> stop(true), timeout.toNanos(), TimeUnit.NANOSECONDS);
        this.registration = cancellation == null ? null : cancellation.onCancel(() -> stop(false));
    }

    static StatementGuard start(Duration timeout, Cancellation cancellation, ScheduledExecutorService scheduler) {
        return new StatementGuard(timeout, cancellation, scheduler);
    }

    /** For work outside a materialization (cleanup, row counts): never stops. */
    static StatementGuard none() {
        return new StatementGuard(null, null, null);
    }

    boolean stopped() {
        // The backends' own query timeout may fire a moment before our timer: a passed deadline counts as ours.
        return cancelled || timedOut || System.nanoTime() >= deadlineNanos;
    }

    /** The timeout that stopped the work, or null when it was cancelled instead. */
    Duration timeoutThatPassed() {
        return cancelled ? null : timeout;
    }

    /** Registers a statement about to run; returns false when the work is already stopped. */
    boolean enter(Statement statement) throws SQLException {
        if (stopped()) {
            return false;
        }
        running.add(statement);
        if (timeout != null) {
            long seconds = Math.max(1, (long) Math.ceil((deadlineNanos - System.nanoTime()) / 1e9));
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, seconds));
        }
        if (stopped()) {
            // stop() may have run between the check and the add, and missed this statement.
            running.remove(statement);
            return false;
        }
        return true;
    }

    void leave(Statement statement) {
        running.remove(statement);
    }

    private void stop(boolean byTimeout) {
        if (byTimeout) {
            timedOut = true;
        } else {
            cancelled = true;
        }
        for (Statement s : running) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement finished or its connection closed: nothing left to stop.
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
