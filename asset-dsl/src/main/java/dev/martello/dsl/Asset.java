package dev.martello.dsl;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A software-defined asset: a warehouse table or view, its meaning, owners, inputs, compute and policies.
 * Built by {@link AssetBuilder}; immutable.
 *
 * @param dependencies every stated input, with where it was stated; an upstream may appear once per origin
 * @param partitions null when the asset is not partitioned
 * @param partitionColumn the column an incremental asset's partitions are replaced by; null otherwise
 * @param freshness null when the asset has no freshness policy
 * @param automation null when only schedules and people materialize the asset
 * @param timeout null for no limit
 */
public record Asset(AssetKey key, String description, List<Owner> owners, boolean exposed,
                    List<Dependency> dependencies, Compute compute, MaterializationKind materialization,
                    Partitions partitions, String partitionColumn, FreshnessPolicy freshness, List<Check> checks,
                    List<Column> columns, Map<String, String> tags, String codeVersion, AutomationPolicy automation,
                    RetryPolicy retry, Duration timeout, Location location) {

    public Asset {
        owners = List.copyOf(owners);
        dependencies = List.copyOf(dependencies);
        checks = List.copyOf(checks);
        columns = List.copyOf(columns);
        tags = Map.copyOf(tags);
    }

    /** The distinct upstream keys, assets and sources, in declaration order. */
    public Set<NodeKey> upstreams() {
        Set<NodeKey> out = new LinkedHashSet<>();
        for (Dependency d : dependencies) {
            out.add(d.upstream());
        }
        return out;
    }

    /** The partition mapping stated for {@code upstream}, or null for the default. */
    public PartitionMapping mappingFor(NodeKey upstream) {
        for (Dependency d : dependencies) {
            if (d.upstream().equals(upstream) && d.mapping() != null) {
                return d.mapping();
            }
        }
        return null;
    }

    public boolean isPartitioned() {
        return partitions != null;
    }
}
