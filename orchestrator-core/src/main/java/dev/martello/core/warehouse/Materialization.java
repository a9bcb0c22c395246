package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.MaterializationKind;
import dev.martello.dsl.PartitionWindow;

import java.util.List;
import java.util.OptionalLong;

/**
 * A published materialization, for the event log.
 *
 * @param partition null unless the asset is incremental
 * @param rows the rows of the new version: the whole table, or the partition's rows for an incremental asset;
 *             empty for a view, whose rows are computed at read time
 * @param checks every check's result, including failed WARN checks (ERROR failures never get here)
 */
public record Materialization(AssetKey asset, MaterializationKind kind, PartitionWindow partition, OptionalLong rows,
                              List<CheckResult> checks) {
    public Materialization {
        checks = List.copyOf(checks);
    }
}
