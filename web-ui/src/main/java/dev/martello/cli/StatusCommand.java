package dev.martello.cli;

import dev.martello.core.execution.AssetStatus;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code martello status --select EXPR}: when each asset partition was materialized and whether it is stale. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show when each selected asset (partition) was materialized and whether it is up to date, with why.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-s", "--select"}, paramLabel = "EXPR", defaultValue = "*",
        description = "Selection (default: everything).")
    String select;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.load();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            List<List<String>> rows = new ArrayList<>();
            for (AssetStatus s : runtime.status(select)) {
                rows.add(List.of(s.label(), s.materializedAt().map(Object::toString).orElse("-"),
                    s.staleness().describe()));
            }
            spec.commandLine().getOut().print(TextTable.render(List.of("ASSET", "MATERIALIZED AT", "STATUS"), rows));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
