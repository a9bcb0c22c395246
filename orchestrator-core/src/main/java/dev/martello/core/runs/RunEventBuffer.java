package dev.martello.core.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Collects events, and the rows of the steps they concern, in memory and writes them in batches, so that recording a
 * run costs one transaction per batch rather than one per event or step change. A batch is written when
 * {@code maxEvents} are waiting, every {@code maxDelay} by a background thread, when an event ends a step or the run
 * (so what a step achieved is durable before anything depends on it), on {@link #flush()} and on {@link #close()}.
 * A step row buffered again before it was written replaces the earlier one: a short step's {@code RUNNING} row is
 * never written, its final row is, with the event that ended it, in the same transaction.
 *
 * <p>{@code try (var events = new RunEventBuffer(store::append, 500, Duration.ofMillis(200))) { … }}
 */
public final class RunEventBuffer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunEventBuffer.class);

    /** Where batches go: events first, then step rows, in one transaction. */
    @FunctionalInterface
    public interface Sink {
        void write(List<RunEvent> events, List<Step> steps);
    }

    private final Sink sink;
    private final boolean acceptsSteps;
    private final int maxEvents;
    private final ScheduledExecutorService timer;
    private final Object pendingLock = new Object();
    private final ReentrantLock writeLock = new ReentrantLock(); // one write at a time keeps batches in order
    private List<RunEvent> pending = new ArrayList<>();
    private Map<AssetPartitionOfRun, Step> pendingSteps = new LinkedHashMap<>();
    private boolean closed;

    /** A buffer of events only, e.g. for a store's {@code appendEvents}: a step row given to it is an error. */
    public static RunEventBuffer ofEvents(Consumer<List<RunEvent>> sink, int maxEvents, Duration maxDelay) {
        Objects.requireNonNull(sink, "sink");
        return new RunEventBuffer((events, steps) -> sink.accept(events), maxEvents, maxDelay, false);
    }

    public RunEventBuffer(Sink sink, int maxEvents, Duration maxDelay) {
        this(sink, maxEvents, maxDelay, true);
    }

    private RunEventBuffer(Sink sink, int maxEvents, Duration maxDelay, boolean acceptsSteps) {
        this.acceptsSteps = acceptsSteps;
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
        addAll(List.of(event), List.of());
    }

    /** Buffers the event and the step's new row, to be written together. */
    public void add(RunEvent event, Step step) {
        addAll(List.of(event), List.of(step));
    }

    /**
     * Buffers the events and step rows; writes them, with what was waiting, in one batch if the batch is full or an
     * event ends a step or the run.
     */
    public void addAll(List<? extends RunEvent> events, List<Step> steps) {
        if (!acceptsSteps && !steps.isEmpty()) {
            throw new IllegalStateException("this buffer writes events only (RunEventBuffer.ofEvents); step rows need"
                + " a Sink that writes them, e.g. RunStore::append");
        }
        boolean writeNow = false;
        synchronized (pendingLock) {
            if (closed) {
                throw new IllegalStateException("the event buffer is closed; "
                    + (events.isEmpty() ? steps.getFirst() : events.getFirst()) + " was not recorded");
            }
            for (RunEvent event : events) {
                pending.add(Objects.requireNonNull(event, "event"));
                writeNow |= endsWork(event);
            }
            for (Step step : steps) {
                pendingSteps.put(AssetPartitionOfRun.of(step), step);
            }
            writeNow |= pending.size() >= maxEvents;
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
            Map<AssetPartitionOfRun, Step> steps;
            synchronized (pendingLock) {
                if (pending.isEmpty() && pendingSteps.isEmpty()) {
                    return;
                }
                batch = pending;
                steps = pendingSteps;
                pending = new ArrayList<>();
                pendingSteps = new LinkedHashMap<>();
            }
            try {
                sink.write(List.copyOf(batch), List.copyOf(steps.values()));
            } catch (RuntimeException e) {
                synchronized (pendingLock) {
                    batch.addAll(pending); // keep order: the failed batch goes before what arrived meanwhile
                    pending = batch;
                    steps.putAll(pendingSteps); // a row buffered meanwhile is newer
                    pendingSteps = steps;
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
            return pending.size() + pendingSteps.size();
        }
    }

    /** A step's identity: its rows replace each other. */
    private record AssetPartitionOfRun(String runId, AssetPartition target) {
        static AssetPartitionOfRun of(Step step) {
            return new AssetPartitionOfRun(step.runId(), step.target());
        }
    }

    private static boolean endsWork(RunEvent event) {
        return event instanceof RunEvent.Materialized
            || event instanceof RunEvent.StepFailed
            || event instanceof RunEvent.StepSkipped
            || event instanceof RunEvent.RunFinished;
    }
}
