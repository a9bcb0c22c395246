package dev.martello.web.assets;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Mart;
import dev.martello.dsl.Owner;
import dev.martello.dsl.Source;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns graph nodes and their states into the API's catalog rows. */
final class AssetViews {
    private AssetViews() {
    }

    static AssetSummary summary(AssetGraph graph, int node, Map<String, AssetState> states) {
        Mart mart = graph.martOf(node);
        String martKind = mart.kind().name().toLowerCase(Locale.ROOT);
        Asset a = graph.asset(node);
        if (a == null) {
            Source s = graph.source(node);
            return new AssetSummary(s.key().toString(), "source", mart.name(), martKind, "source", owners(mart.owners()),
                Map.of(), s.description() == null ? "" : s.description(), true, false,
                s.freshness() == null ? null : s.freshness().describe(), null, null, null, null, null, null);
        }
        AssetState st = states.get(a.key().toString());
        List<String> owners = owners(a.owners().isEmpty() ? mart.owners() : a.owners());
        return new AssetSummary(a.key().toString(), "asset", mart.name(), martKind, a.materialization().label(), owners,
            a.tags(), a.description() == null ? "" : a.description(), a.exposed(), a.isPartitioned(),
            a.freshness() == null ? null : a.freshness().describe(), st == null ? null : st.freshness(),
            st == null ? null : st.staleness(), st == null ? null : st.stalenessReason(),
            st == null ? null : st.lastMaterializedAt(), st == null ? null : st.rows(),
            st == null ? null : st.lastRunId());
    }

    static List<String> owners(List<Owner> owners) {
        return owners.stream().map(Owner::toString).toList();
    }
}
