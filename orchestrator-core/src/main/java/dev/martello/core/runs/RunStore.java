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
     * {@code reason}, records that in the event log and releases their locks. Called at startup, so a run whose
     * process was killed is never left running forever; with several nodes on one store, only when no other node is
     * running runs (runs do not yet record which node owns them). Queued runs are left to be launched.
     *
     * @return the recovered runs, as they are now
     */
    List<Run> recoverInterruptedRuns(String reason);

    @Override
    void close();
}
