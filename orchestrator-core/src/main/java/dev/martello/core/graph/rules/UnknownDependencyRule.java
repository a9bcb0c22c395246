package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.Suggestions;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.Problem;
import dev.martello.dsl.SourceKey;

import java.util.ArrayList;
import java.util.List;

/** Every upstream an asset reads is declared by some mart; an unknown key is an error, never a silent stub. */
public final class UnknownDependencyRule implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        List<String> assetKeys = null;
        List<String> sourceKeys = null;
        for (int i = 0; i < graph.size(); i++) {
            Asset a = graph.asset(i);
            if (a == null) {
                continue;
            }
            for (NodeKey up : a.upstreams()) {
                if (graph.contains(up)) {
                    continue;
                }
                if (assetKeys == null) {
                    assetKeys = keys(graph, AssetKey.class);
                    sourceKeys = keys(graph, SourceKey.class);
                }
                boolean isSource = up instanceof SourceKey;
                String wanted = up.toString();
                String fix = Suggestions.closest(wanted, isSource ? sourceKeys : assetKeys)
                    .map(s -> "Did you mean '" + s + "'?")
                    .orElse(isSource
                        ? "Declare it with .source(\"" + wanted + "\") in the mart of its producer, or fix the name."
                        : "Declare the asset, or fix the key.");
                out.add(new Problem("unknown-dependency", a.key().toString(), a.location(),
                    "Asset '" + a.key() + "' reads " + (isSource ? "source " : "") + "'" + wanted
                        + "', which no mart declares.", fix));
            }
        }
    }

    private static List<String> keys(AssetGraph graph, Class<? extends NodeKey> type) {
        List<String> out = new ArrayList<>();
        for (NodeKey k : graph.keys()) {
            if (type.isInstance(k)) {
                out.add(k.toString());
            }
        }
        return out;
    }
}
