package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Location;
import dev.martello.dsl.Mart;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.Problem;
import dev.martello.dsl.Source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mart names, asset keys and source names are each declared once in a workspace. */
public final class DuplicateRule implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        Map<String, Mart> martNames = new HashMap<>();
        Map<NodeKey, Location> assets = new HashMap<>();
        Map<NodeKey, Mart> sources = new HashMap<>();
        Map<NodeKey, Location> sourceLocations = new HashMap<>();
        for (Mart m : graph.marts()) {
            Mart first = martNames.putIfAbsent(m.name(), m);
            if (first != null) {
                out.add(new Problem("duplicate-mart", "mart '" + m.name() + "'", m.location(),
                    "Mart '" + m.name() + "' is declared twice: at " + first.location() + " and at " + m.location() + ".",
                    "Give each mart a unique name."));
            }
            for (Source s : m.sources()) {
                Mart owner = sources.putIfAbsent(s.key(), m);
                if (owner != null) {
                    out.add(new Problem("duplicate-source", s.key().toString(), s.location(),
                        "Source '" + s.key() + "' is declared twice: in mart '" + owner.name() + "' at "
                            + sourceLocations.get(s.key()) + " and in mart '" + m.name() + "' at " + s.location() + ".",
                        "Declare a source once, in the mart of its producer; other marts read it with"
                            + " {{ source('" + s.key() + "') }}."));
                } else {
                    sourceLocations.put(s.key(), s.location());
                }
            }
            for (Asset a : m.assets()) {
                Location first2 = assets.putIfAbsent(a.key(), a.location());
                if (first2 != null) {
                    out.add(new Problem("duplicate-key", a.key().toString(), a.location(),
                        "Asset '" + a.key() + "' is declared twice: at " + first2 + " and at " + a.location() + ".",
                        "Rename one of them or remove the duplicate."));
                }
            }
        }
    }
}
