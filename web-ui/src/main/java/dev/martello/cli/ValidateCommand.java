package dev.martello.cli;

import dev.martello.core.graph.ValidationReport;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code martello validate}: exit 0 and one line, or exit 1 and every problem as a numbered list. For CI. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Load the workspace's marts and check every rule; exit 1 with a numbered report of all problems.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Workspace ws = workspace.load();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ws.problems().isEmpty()) {
            long assets = ws.graph().assets().size();
            spec.commandLine().getOut().printf("Workspace '%s' is valid: %d marts, %d assets, %d sources (%d ms).%n",
                ws.name(), ws.graph().marts().size(), assets, ws.graph().size() - assets, ms);
            return 0;
        }
        var err = spec.commandLine().getErr();
        err.printf("Workspace '%s' has %d problem(s):%n", ws.name(), ws.problems().size());
        err.print(ValidationReport.render(ws.problems()));
        return ErrorHandler.INVALID_WORKSPACE;
    }
}
