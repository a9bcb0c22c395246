package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Problem;

import java.util.List;

/** One validation rule over the whole graph; adds a problem per violation and never stops early. */
public interface GraphRule {
    void check(AssetGraph graph, List<Problem> out);
}
