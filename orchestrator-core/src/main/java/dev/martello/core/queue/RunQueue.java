package dev.martello.core.queue;

import dev.martello.core.runs.Run;

/**
 * Where every trigger puts its runs: a submitted run is stored {@code QUEUED} with its planned steps {@code PENDING},
 * then started by a node when the workspace's limits allow (queued → started → finished).
 */
public interface RunQueue {

    /**
     * Plans and queues the request.
     *
     * @throws UnknownWorkspaceException when no hosted workspace has that name
     * @throws IllegalArgumentException  when the selection or partitions are invalid (the message says how)
     */
    Run submit(RunRequest request);

    /** Cancels a queued run, or a started one running on this node; false when it has ended or is not here. */
    boolean cancel(String workspace, String runId);

    /** Queues a new run of the failed, skipped and canceled steps of a finished run ({@code retry:RUN}). */
    Run retry(String workspace, String runId);
}
