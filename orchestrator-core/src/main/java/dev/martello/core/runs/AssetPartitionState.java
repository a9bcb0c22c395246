package dev.martello.core.runs;

import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the latest successful materialization of an asset partition recorded: the code version it ran, the data
 * version it produced, and the data version of each input (upstream key to version) it read. Staleness is judged
 * from this alone, so it is written in the same transaction as the {@link RunEvent.Materialized} event.
 * Versions are opaque strings chosen by the engine; only equality matters.
 */
public record AssetPartitionState(
    AssetKey asset,
    String partition,
    String codeVersion,
    String dataVersion,
    Map<String, String> inputDataVersions,
    Instant materializedAt,
    String runId,
    long rowCount) {

    public AssetPartitionState {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(dataVersion, "dataVersion");
        inputDataVersions = Collections.unmodifiableMap(new TreeMap<>(inputDataVersions));
        Objects.requireNonNull(materializedAt, "materializedAt");
        Objects.requireNonNull(runId, "runId");
    }

    public AssetPartition target() {
        return new AssetPartition(asset, partition);
    }

    public static AssetPartitionState of(RunEvent.Materialized event) {
        return new AssetPartitionState(event.asset(), event.partition(), event.codeVersion(), event.dataVersion(),
            event.inputDataVersions(), event.at(), event.runId(), event.rowCount());
    }
}
