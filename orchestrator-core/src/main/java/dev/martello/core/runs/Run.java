package dev.martello.core.runs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a plan: the selection it was asked for, the partitions it covers (empty for unpartitioned
 * assets), what triggered it ({@code manual}, {@code schedule:daily}, {@code backfill:b1}…) and where it stands.
 * {@code startedAt} and {@code finishedAt} are null until the run gets there; {@code message} is {@code ""} unless a
 * status change said why.
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
    String message) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(selection, "selection");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "createdAt");
        message = message == null ? "" : message;
    }

    /** A new run, not yet started, with a fresh {@link RunIds id}. */
    public static Run queued(String workspace, String selection, List<String> partitions, String trigger) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the store keeps, so it reads back equal
        return new Run(RunIds.next(now), workspace, selection, partitions, RunStatus.QUEUED, trigger, now, null, null,
            "");
    }
}
