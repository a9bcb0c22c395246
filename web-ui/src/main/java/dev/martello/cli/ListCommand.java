package dev.martello.cli;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.selection.Selections;
import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Owner;
import dev.martello.dsl.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code martello list --select EXPR}: a table of the selected assets and sources. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the selected assets and sources: key, mart, kind, owners, dependencies, freshness.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-s", "--select"}, paramLabel = "EXPR", defaultValue = "*",
        description = "Selection, e.g. '+core/gmv_daily', 'mart:commerce and tag:tier=1' (default: everything).")
    String select;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.loadValid(spec.commandLine().getErr());
        if (ws == null) {
            return ErrorHandler.INVALID_WORKSPACE;
        }
        AssetGraph g = ws.graph();
        BitSet nodes = Selections.select(g, select);
        List<List<String>> rows = new ArrayList<>();
        for (int i : g.topologicalOrder(nodes)) {
            rows.add(row(g, i));
        }
        spec.commandLine().getOut().print(TextTable.render(
            List.of("KEY", "MART", "KIND", "OWNERS", "DEPS", "FRESHNESS"), rows));
        spec.commandLine().getOut().printf("%d selected%n", rows.size());
        return 0;
    }

    private static List<String> row(AssetGraph g, int i) {
        Asset a = g.asset(i);
        String mart = g.martOf(i).name();
        if (a == null) {
            Source s = g.source(i);
            return List.of(s.key().toString(), mart, "source", owners(g.martOf(i).owners()), "-",
                s.freshness() == null ? "-" : s.freshness().describe());
        }
        String deps = Arrays.stream(g.upstream(i)).mapToObj(u -> g.key(u).toString()).collect(Collectors.joining(", "));
        return List.of(a.key().toString(), mart, a.materialization().label(), owners(a.owners()),
            deps.isEmpty() ? "-" : deps, a.freshness() == null ? "-" : a.freshness().describe());
    }

    private static String owners(List<Owner> owners) {
        return owners.stream().map(Owner::value).collect(Collectors.joining(", "));
    }
}
