package dev.martello.core.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Collects events in memory and writes them in batches, so that writing the event log costs a run one transaction
 * per batch rather than one per event. A batch is written when {@code maxEvents} are waiting, every {@code maxDelay}
 * by a background thread, when an event ends a step or the run (so what a step achieved is durable before anything
 * depends on it), on {@link #flush()} and on {@link #close()}.
 *
 * <p>{@code try (var events = new RunEventBuffer(store::appendEvents, 500, Duration.ofMillis(200))) { … }}
 */
public final class RunEventBuffer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunEventBuffer.class);

    private final Consumer<List<RunEvent>> sink;
    private final int maxEvents;
    private final ScheduledExecutorService timer;
    private final Object pendingLock = new Object();
    private final ReentrantLock writeLock = new ReentrantLock(); // one write at a time keeps batches in order
    private List<RunEvent> pending = new ArrayList<>();
    private boolean closed;

    public RunEventBuffer(Consumer<List<RunEvent>> sink, int maxEvents, Duration maxDelay) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.maxEvents = maxEvents;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "martello-event-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long delayMs = Math.max(1, maxDelay.toMillis());
        timer.scheduleWithFixedDelay(this::flushInBackground, delayMs, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Buffers the event; writes the batch first if it is full or the event ends a step or the run. */
    public void add(RunEvent event) {
        Objects.requireNonNull(event, "event");
        boolean writeNow;
        synchronized (pendingLock) {
            if (closed) {
                throw new IllegalStateException("the event buffer is closed; " + event + " was not recorded");
            }
            pending.add(event);
            writeNow = pending.size() >= maxEvents || endsWork(event);
        }
        if (writeNow) {
            flush();
        }
    }

    /** Writes what is buffered; a failed write keeps the events buffered and throws. */
    public void flush() {
        writeLock.lock();
        try {
            List<RunEvent> batch;
            synchronized (pendingLock) {
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            try {
                sink.accept(List.copyOf(batch));
            } catch (RuntimeException e) {
                synchronized (pendingLock) {
                    batch.addAll(pending); // keep order: the failed batch goes before what arrived meanwhile
                    pending = batch;
                }
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Stops the timer and writes what is left. */
    @Override
    public void close() {
        synchronized (pendingLock) {
            closed = true;
        }
        // Not shutdownNow(): interrupting a write in progress can break the JDBC connection (H2 closes its file).
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The events stay buffered and go out with the next write; the run goes on meanwhile.
            LOG.warn("Writing {} buffered run events failed; retrying with the next batch", size(), e);
        }
    }

    private int size() {
        synchronized (pendingLock) {
            return pending.size();
        }
    }

    private static boolean endsWork(RunEvent event) {
        return event instanceof RunEvent.Materialized
            || event instanceof RunEvent.StepFailed
            || event instanceof RunEvent.StepSkipped
            || event instanceof RunEvent.RunFinished;
    }
}
