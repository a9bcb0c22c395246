package dev.martello.cli.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reader of the published assets while other processes materialize and die: it queries every relation in a loop on
 * its own connection and records each query that fails or sees anything but what the last successful run published.
 */
final class PublishedReader implements AutoCloseable {
    private final Connection connection;
    private final Map<String, Snapshot> expected;
    private final List<String> problems = new ArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private PublishedReader(Connection connection, Map<String, Snapshot> expected) {
        this.connection = connection;
        this.expected = Map.copyOf(expected);
        this.thread = Thread.ofPlatform().daemon().name("published-reader").start(this::loop);
    }

    /** Starts reading {@code expected}'s relations through {@code connection}, which it closes when stopped. */
    static PublishedReader start(Connection connection, Map<String, Snapshot> expected) {
        return new PublishedReader(connection, expected);
    }

    /** Successful reads so far, each one relation checked. */
    long reads() {
        return reads.get();
    }

    /** Waits until the reader has read every relation once more, successfully, from now on. */
    void awaitRead() {
        long target = reads.get() + expected.size();
        long deadline = System.nanoTime() + Child.PATIENCE.toNanos();
        while (reads.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The reader read nothing new within " + Child.PATIENCE + "; problems: "
                    + problems());
            }
            Child.pause(5);
        }
    }

    /** What went wrong so far, one line each. */
    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private void loop() {
        while (!stop.get()) {
            for (Map.Entry<String, Snapshot> e : expected.entrySet()) {
                try {
                    Snapshot seen = Snapshot.of(connection, e.getKey());
                    if (seen.equals(e.getValue())) {
                        reads.incrementAndGet();
                    } else {
                        problem(e.getKey() + " read " + seen + ", not " + e.getValue());
                    }
                } catch (SQLException ex) {
                    problem(e.getKey() + " failed: " + ex.getMessage() + " (SQL state " + ex.getSQLState() + ")");
                }
            }
            Child.pause(10);
        }
    }

    private void problem(String what) {
        synchronized (problems) {
            problems.add(Instant.now() + " " + what);
        }
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        stop.set(true);
        thread.join(Child.PATIENCE.toMillis());
        connection.close();
    }
}
