package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one materialization at a time into a warehouse whose DDL cannot run in parallel ({@link Dialect#parallelDdl}):
 * H2 locks its whole catalog for each DDL statement, and parallel DDL there can deadlock until the lock timeout fails
 * a step. Materializations wait their turn in arrival order; the step's timeout or cancellation ends the wait.
 */
final class OneAtATime {
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock lock = new ReentrantLock(true);

    /** A turn, released when closed. */
    interface Turn extends AutoCloseable {
        Turn NONE = () -> {
        };

        @Override
        void close();
    }

    Turn take(StatementGuard guard, AssetKey subject) {
        try {
            while (!lock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (guard.stopped()) {
                    throw new MaterializationCancelledException(subject, guard.timeoutThatPassed(), null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaterializationCancelledException(subject, null, e);
        }
        return lock::unlock;
    }
}
