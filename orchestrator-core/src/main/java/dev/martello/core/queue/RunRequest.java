package dev.martello.core.queue;

import dev.martello.core.planning.PartitionChoice;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to run a selection of one hosted workspace: which partitions (as of {@code asOf}, e.g. a schedule's tick
 * for "the latest complete partition"; null means now), what triggered it ({@code manual}, {@code schedule:NAME},
 * {@code automation}, {@code backfill:ID}…) and its priority (higher first).
 *
 * <p>{@code queue.submit(RunRequest.of("demo", "+core/gmv_daily", PartitionChoice.latest(), "manual"))}
 */
public record RunRequest(String workspace, String selection, PartitionChoice partitions, String trigger, int priority,
                         Instant asOf) {
    public RunRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(selection, "selection");
        partitions = partitions == null ? PartitionChoice.latest() : partitions;
        Objects.requireNonNull(trigger, "trigger");
    }

    public static RunRequest of(String workspace, String selection, PartitionChoice partitions, String trigger) {
        return new RunRequest(workspace, selection, partitions, trigger, 0, null);
    }

    public RunRequest withPriority(int value) {
        return new RunRequest(workspace, selection, partitions, trigger, value, asOf);
    }

    public RunRequest asOf(Instant value) {
        return new RunRequest(workspace, selection, partitions, trigger, priority, value);
    }
}
