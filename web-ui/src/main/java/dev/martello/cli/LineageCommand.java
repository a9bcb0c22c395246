package dev.martello.cli;

import dev.martello.core.lineage.Lineage;
import dev.martello.core.lineage.LineageFormat;
import dev.martello.core.selection.Selections;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code martello lineage --select EXPR --format text|json|dot|mermaid}. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = "Print the lineage of a selection as text, JSON, Graphviz dot or Mermaid.")
final class LineageCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-s", "--select"}, paramLabel = "EXPR", defaultValue = "*",
        description = "Selection, e.g. '+core/gmv_daily+1' (default: everything).")
    String select;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
        description = "text, json, dot or mermaid (default: text).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LineageFormat f = LineageFormat.parse(format);
        Workspace ws = workspace.loadValid(spec.commandLine().getErr());
        if (ws == null) {
            return ErrorHandler.INVALID_WORKSPACE;
        }
        Lineage lineage = Lineage.of(ws.graph(), Selections.select(ws.graph(), select));
        spec.commandLine().getOut().print(f.render(lineage));
        return 0;
    }
}
