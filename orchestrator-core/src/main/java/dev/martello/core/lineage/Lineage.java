package dev.martello.core.lineage;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Mart;
import dev.martello.dsl.Owner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The lineage of a selection: its nodes in dependency order and the edges between them, ready to print in any
 * format. Edges to nodes outside the selection are left out.
 */
public record Lineage(List<Node> nodes, List<Edge> edges) {

    public Lineage {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** One asset or source; {@code kind} is the materialization kind, or {@code source}. */
    public record Node(String key, String type, String mart, String martKind, String kind, List<String> owners,
                       String description, boolean exposed) {
    }

    /** Data flows from {@code from} (upstream) to {@code to}. */
    public record Edge(String from, String to) {
    }

    public static Lineage of(AssetGraph graph, BitSet selected) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i : graph.topologicalOrder(selected)) {
            nodes.add(node(graph, i));
            for (int u : graph.upstream(i)) {
                if (selected.get(u)) {
                    edges.add(new Edge(graph.key(u).toString(), graph.key(i).toString()));
                }
            }
        }
        return new Lineage(nodes, edges);
    }

    private static Node node(AssetGraph graph, int i) {
        Mart m = graph.martOf(i);
        Asset a = graph.asset(i);
        List<String> owners = (a != null ? a.owners() : m.owners()).stream().map(Owner::value).toList();
        if (a == null) {
            return new Node(graph.key(i).toString(), "source", m.name(), m.kind().label(), "source", owners,
                graph.source(i).description(), true);
        }
        return new Node(a.key().toString(), "asset", m.name(), m.kind().label(), a.materialization().label(), owners,
            a.description(), a.exposed());
    }
}
