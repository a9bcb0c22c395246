package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parse-and-evaluate in one call, for the CLI, the API and the UI, and the selected keys as lists.
 *
 * <p>{@code List<AssetKey> toRun = Selections.assetKeys(graph, "+core/gmv_daily and not kind:view");}
 */
public final class Selections {
    private Selections() {
    }

    /**
     * The ids of the nodes an expression selects.
     *
     * @throws SelectionSyntaxException when the expression does not parse
     * @throws UnknownKeyException when it names a key, mart or owner the graph does not have
     */
    public static BitSet select(AssetGraph graph, String expression) {
        return new Selector(graph).select(SelectionParser.parse(expression));
    }

    /** The asset keys an expression selects, in graph order; sources are left out, as they are never run. */
    public static List<AssetKey> assetKeys(AssetGraph graph, String expression) {
        return assetKeys(graph, select(graph, expression));
    }

    /** The asset keys among the nodes, in graph (node id) order; sources are left out. */
    public static List<AssetKey> assetKeys(AssetGraph graph, BitSet nodes) {
        List<AssetKey> out = new ArrayList<>();
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            if (graph.isAsset(i)) {
                out.add(graph.asset(i).key());
            }
        }
        return out;
    }

    /** The keys of the nodes, sources and assets, in graph (node id) order. */
    public static List<NodeKey> keys(AssetGraph graph, BitSet nodes) {
        List<NodeKey> out = new ArrayList<>(nodes.cardinality());
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            out.add(graph.key(i));
        }
        return out;
    }
}
