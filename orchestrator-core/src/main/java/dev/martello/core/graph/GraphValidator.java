package dev.martello.core.graph;

import dev.martello.core.graph.rules.CronRule;
import dev.martello.core.graph.rules.CycleRule;
import dev.martello.core.graph.rules.DuplicateRule;
import dev.martello.core.graph.rules.GraphRule;
import dev.martello.core.graph.rules.MartRules;
import dev.martello.core.graph.rules.PartitionRule;
import dev.martello.core.graph.rules.SqlRefRule;
import dev.martello.core.graph.rules.UnknownDependencyRule;
import dev.martello.dsl.Problem;

import java.util.ArrayList;
import java.util.List;

/** Runs every graph rule and returns all problems, in rule order; each rule is linear in the graph's size. */
public final class GraphValidator {
    private final List<GraphRule> rules = List.of(
        new DuplicateRule(), new UnknownDependencyRule(), new SqlRefRule(), new CycleRule(), new PartitionRule(),
        new MartRules(), new CronRule());

    public List<Problem> validate(AssetGraph graph) {
        List<Problem> out = new ArrayList<>();
        for (GraphRule rule : rules) {
            rule.check(graph, out);
        }
        return out;
    }
}
