package dev.martello.core.runs;

import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata store of runs: runs, their steps, the event log, the latest state of every asset partition, and the
 * partition locks that keep two runs from materializing the same asset partition at once. Thread-safe; closing it
 * releases its connections. Instants are kept to the microsecond.
 */
public interface RunStore extends AutoCloseable {

    void createRun(Run run);

    /** Creates the run and its steps in one transaction: a queued run is never seen without its planned steps. */
    void createRun(Run run, Collection<Step> steps);

    /**
     * Moves a run to {@code status} at {@code at}: {@code STARTED} sets its start time, a terminal status its finish
     * time. Terminal states are final, so a late update from a run already recovered or canceled cannot revive it.
     *
     * @return false when the run does not exist or has already finished
     */
    boolean updateRunStatus(String runId, RunStatus status, Instant at, String message);

    /** Inserts the step, or replaces the stored step of the same run, asset and partition. */
    default void upsertStep(Step step) {
        upsertSteps(List.of(step));
    }

    /** {@link #upsertStep} for many steps in one batch, e.g. the whole plan as {@code PENDING}. */
    void upsertSteps(Collection<Step> steps);

    /**
     * Appends events in one transaction and one batch; each {@link RunEvent.Materialized} also replaces the latest
     * {@link AssetPartitionState} of its partition in that transaction, so the log and the state never disagree.
     */
    void appendEvents(List<? extends RunEvent> events);

    /**
     * {@link #appendEvents} and {@link #upsertSteps} in one transaction, events first: how a run records the end of
     * a step (its events, the partition's new state and the step's row) in one commit rather than three.
     */
    void append(List<? extends RunEvent> events, Collection<Step> steps);

    /** The run's events in the order they were appended. */
    List<RunEvent> events(String runId);

    /** The newest runs first. */
    List<Run> runs(int limit);

    /** The newest runs with the given status first. */
    List<Run> runs(int limit, RunStatus status);

    Optional<Run> run(String runId);

    /** The run's steps, started ones first in start order, then pending ones by asset and partition. */
    List<Step> steps(String runId);

    Optional<AssetPartitionState> latestState(AssetKey asset, String partition);

    /** The latest state of every materialized partition of these assets; absent partitions were never materialized. */
    Map<AssetPartition, AssetPartitionState> latestStates(Collection<AssetKey> assets);

    /**
     * Locks each partition for the run unless another run holds it. Locks are held until released, also across
     * restarts, so two runs never materialize one asset partition at once.
     *
     * @return the partitions the run now holds among those asked for (including ones it held already)
     */
    Set<AssetPartition> tryLockPartitions(String runId, Collection<AssetPartition> partitions);

    /** Which run holds each of these partitions; a partition no run holds is absent. */
    Map<AssetPartition, String> lockHolders(Collection<AssetPartition> partitions);

    /** Releases those of the partitions the run holds; a lock held by another run is left alone. */
    void releaseLocks(String runId, Collection<AssetPartition> partitions);

    /** Releases every lock the run holds. */
    void releaseLocks(String runId);

    /**
     * Fails every {@code STARTED} run, and its pending and running steps, with {@link FailureKind#ORCHESTRATOR} and
     * {@code reason}, records that in the event log and releases their locks. Only right where this process is the
     * only one using the store (the embedded H2 file); a shared store uses {@link #recoverDeadNodes}. Queued runs are
     * left to be launched.
     *
     * @return the recovered runs, as they are now
     */
    default List<Run> recoverInterruptedRuns(String reason) {
        return recoverInterruptedRuns(reason, InterruptedRunPolicy.FAIL);
    }

    /** {@link #recoverInterruptedRuns(String)}, failing or requeueing each run per {@code policy}. */
    List<Run> recoverInterruptedRuns(String reason, InterruptedRunPolicy policy);

    /**
     * Records that {@code node} is alive at {@code at} (inserting it on its first call). Every process that executes
     * runs calls this periodically; its runs carry its id.
     */
    void heartbeat(String node, Instant at);

    /** Removes a node that stopped cleanly (its runs have all ended). */
    void removeNode(String node);

    /**
     * Recovers the {@code STARTED} runs of dead nodes, per {@code policy}: nodes whose last heartbeat is before
     * {@code deadBefore}, and runs whose node is unknown. The dead nodes are removed. In one transaction, so two
     * nodes recovering at once recover each run once.
     */
    List<Run> recoverDeadNodes(Instant deadBefore, String reason, InterruptedRunPolicy policy);

    /**
     * Claims queued runs of {@code workspace} for {@code node}, highest priority first and oldest first within a
     * priority, while the limits allow: each becomes {@code STARTED} at {@code now} with its node set. One claim runs
     * at a time across every node sharing the store, so the limits are never exceeded.
     *
     * @return the claimed runs, as they are now
     */
    List<Run> claimQueuedRuns(String workspace, String node, QueueLimits limits, Instant now);

    /** Cancels a run that is still queued, and its pending steps; false when it is not queued (any more). */
    boolean cancelQueued(String runId, Instant at, String reason);

    /**
     * Asks the node executing a {@code STARTED} run to cancel it (the node polls {@link #cancelRequested}); for a run
     * that another node executes, so a cancel works from any node.
     *
     * @return false when the run is not {@code STARTED} (queued, finished or unknown)
     */
    boolean requestCancel(String runId, Instant at);

    /** Those of {@code runIds} that still run and whose cancel was requested. */
    Set<String> cancelRequested(Collection<String> runIds);

    /** The runs of {@code workspace} with {@code status}, oldest first (e.g. the queue, or what one node runs). */
    List<Run> runsOf(String workspace, RunStatus status, int limit);

    /** Runs whose trigger is exactly {@code trigger} (e.g. {@code backfill:b1}), oldest first. */
    List<Run> runsByTrigger(String trigger);

    /** The database, for features with tables of their own in it. */
    MetadataDatabase database();

    @Override
    void close();
}
