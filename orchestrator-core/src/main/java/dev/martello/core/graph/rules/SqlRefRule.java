package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Dependency;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.Problem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A SQL asset's declared dependencies agree with its SQL: a {@code dependsOn} the SQL never refs is a stale or
 * mistaken declaration (the lineage would show an input the query does not read).
 */
public final class SqlRefRule implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        for (int i = 0; i < graph.size(); i++) {
            Asset a = graph.asset(i);
            if (a == null || !(a.compute() instanceof Compute.Sql)) {
                continue;
            }
            Set<NodeKey> inSql = new HashSet<>();
            for (Dependency d : a.dependencies()) {
                if (d.origin() == Dependency.Origin.SQL) {
                    inSql.add(d.upstream());
                }
            }
            for (Dependency d : a.dependencies()) {
                if (d.origin() == Dependency.Origin.DECLARED && !inSql.contains(d.upstream())) {
                    String call = d.upstream() instanceof AssetKey ? "ref" : "source";
                    out.add(new Problem("sql-ref-mismatch", a.key().toString(), a.location(),
                        "Asset '" + a.key() + "' declares dependency '" + d.upstream() + "', but its SQL never reads it.",
                        "Read it in the SQL with {{ " + call + "('" + d.upstream() + "') }}, or remove .dependsOn(\""
                            + d.upstream() + "\")."));
                }
            }
        }
    }
}
