package dev.martello.core.runs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a plan: the selection it was asked for, the partitions it covers (empty for unpartitioned
 * assets), what triggered it ({@code manual}, {@code schedule:daily}, {@code backfill:b1}, {@code retry:RUN}…) and
 * where it stands. {@code startedAt} and {@code finishedAt} are null until the run gets there; {@code message} is
 * {@code ""} unless a status change said why.
 *
 * <p>Queueing: a higher {@code priority} is launched first; {@code pools} are the pools its assets belong to (each
 * with a limit of concurrent runs); {@code node} is the process that executes it, null until claimed;
 * {@code retryOf} is the run this one retries (null for a first attempt) and {@code attempt} counts from 1.
 */
public record Run(
    String id,
    String workspace,
    String selection,
    List<String> partitions,
    RunStatus status,
    String trigger,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String message,
    int priority,
    List<String> pools,
    String node,
    String retryOf,
    int attempt) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(selection, "selection");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "createdAt");
        message = message == null ? "" : message;
        pools = pools == null ? List.of() : List.copyOf(pools);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, not " + attempt);
        }
    }

    /** A first attempt at priority 0 in no pool, not yet claimed by a node. */
    public Run(String id, String workspace, String selection, List<String> partitions, RunStatus status,
               String trigger, Instant createdAt, Instant startedAt, Instant finishedAt, String message) {
        this(id, workspace, selection, partitions, status, trigger, createdAt, startedAt, finishedAt, message, 0,
            List.of(), null, null, 1);
    }

    /** A new run, not yet started, with a fresh {@link RunIds id}. */
    public static Run queued(String workspace, String selection, List<String> partitions, String trigger) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the store keeps, so it reads back equal
        return new Run(RunIds.next(now), workspace, selection, partitions, RunStatus.QUEUED, trigger, now, null, null,
            "");
    }

    public Run withQueueing(int newPriority, List<String> newPools, String newRetryOf, int newAttempt) {
        return new Run(id, workspace, selection, partitions, status, trigger, createdAt, startedAt, finishedAt, message,
            newPriority, newPools, node, newRetryOf, newAttempt);
    }

    public Run withNode(String newNode) {
        return new Run(id, workspace, selection, partitions, status, trigger, createdAt, startedAt, finishedAt, message,
            priority, pools, newNode, retryOf, attempt);
    }
}
