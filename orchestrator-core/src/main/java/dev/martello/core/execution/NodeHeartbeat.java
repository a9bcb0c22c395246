package dev.martello.core.execution;

import dev.martello.core.runs.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this process's node alive in the metadata store while it can execute runs, so that other nodes recover its
 * runs only once it has really stopped ({@link #DEAD_AFTER} without a heartbeat).
 */
final class NodeHeartbeat implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Five missed heartbeats: long enough for a GC pause or a slow database, short enough for failover. */
    static final Duration DEAD_AFTER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final RunStore store;
    private final String node;
    private final ScheduledExecutorService timer;

    NodeHeartbeat(RunStore store, String node) {
        this.store = store;
        this.node = node;
        store.heartbeat(node, Instant.now());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "martello-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::beat, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            store.heartbeat(node, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of node {} failed; trying again in {}", node, INTERVAL, e);
        }
    }

    /**
     * Stops beating and removes the node: whatever it ran has ended. Returns once no beat is in flight, so nothing
     * touches the store after its owner closes it.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.removeNode(node);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove node {}; other nodes will treat it as dead", node, e);
        }
    }
}
