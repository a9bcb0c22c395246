package dev.martello.core.automation;

import dev.martello.core.runs.AssetPartition;
import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where automation keeps its decisions, and what it needs to know about runs under way. */
public interface AutomationStore {

    /**
     * The asset partitions in progress and the run of each: a step {@code PENDING} or {@code RUNNING} in a run
     * {@code QUEUED} or {@code STARTED} (a queued run stores its planned steps as {@code PENDING}).
     */
    Map<AssetPartition, String> inProgress();

    /** Stores evaluations in one batch. */
    void record(List<Evaluation> evaluations);

    /** The newest evaluations of {@code asset} (any partition) at or before {@code at}, newest first. */
    List<Evaluation> evaluations(AssetKey asset, Instant at, int limit);

    /** The newest {@link Decision#REQUESTED} evaluation of every asset partition, to resume after a restart. */
    Map<AssetPartition, Evaluation> lastRequests();
}
