package dev.martello.core.graph;

import dev.martello.dsl.Problem;

import java.util.List;

/** A graph as loaded, with every problem found while defining and validating it; valid when there are none. */
public record LoadedGraph(AssetGraph graph, List<Problem> problems) {
    public LoadedGraph {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
