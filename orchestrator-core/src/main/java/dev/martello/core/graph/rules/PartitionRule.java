package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionMapping;
import dev.martello.dsl.Partitions;
import dev.martello.dsl.Problem;

import java.util.List;

/**
 * A partitioned asset reading a differently partitioned upstream says how (a partition mapping); a daily asset
 * cannot silently read an hourly one.
 */
public final class PartitionRule implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        for (int i = 0; i < graph.size(); i++) {
            Asset a = graph.asset(i);
            if (a == null || !a.isPartitioned()) {
                continue;
            }
            for (int u : graph.upstream(i)) {
                Asset up = graph.asset(u);
                if (up == null || !up.isPartitioned()) {
                    continue;
                }
                PartitionMapping mapping = a.mappingFor(up.key());
                String problem = problem(a.partitions(), up.partitions(), mapping);
                if (problem != null) {
                    out.add(new Problem("partition-mismatch", a.key().toString(), a.location(),
                        "Asset '" + a.key() + "' (" + a.partitions().describe() + ") reads '" + up.key() + "' ("
                            + up.partitions().describe() + ") " + problem + ".", fix(a.partitions(), up, mapping)));
                }
            }
        }
    }

    private static String problem(Partitions mine, Partitions theirs, PartitionMapping mapping) {
        return switch (mapping) {
            case null -> same(mine, theirs) ? null : "without a partition mapping";
            case PartitionMapping.Identity id -> same(mine, theirs) ? null : "with an identity mapping, but the"
                + " partitions differ";
            case PartitionMapping.TimeWindow tw -> mine instanceof Partitions.Time && theirs instanceof Partitions.Time
                ? null : "with a time-window mapping, which needs time partitions on both sides";
            case PartitionMapping.All all -> null;
        };
    }

    private static boolean same(Partitions a, Partitions b) {
        if (a instanceof Partitions.Time ta && b instanceof Partitions.Time tb) {
            return ta.granularity() == tb.granularity() && ta.zone().equals(tb.zone());
        }
        return a.equals(b);
    }

    private static String fix(Partitions mine, Asset up, PartitionMapping mapping) {
        String k = up.key().toString();
        if (mine instanceof Partitions.Time && up.partitions() instanceof Partitions.Time
            && !(mapping instanceof PartitionMapping.TimeWindow)) {
            return "Declare .dependsOn(\"" + k + "\", PartitionMapping.timeWindow()) to read the upstream partitions"
                + " inside each window, or PartitionMapping.all() to read all of it.";
        }
        return "Declare .dependsOn(\"" + k + "\", PartitionMapping.all()) to read all of it, or partition both"
            + " assets the same way.";
    }
}
