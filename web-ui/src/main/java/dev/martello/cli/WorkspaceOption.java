package dev.martello.cli;

import dev.martello.core.graph.ValidationReport;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code --workspace DIR} option every command shares. */
final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
        description = "Workspace folder holding workspace.yaml (default: the current folder).")
    Path dir;

    Workspace load() {
        return new WorkspaceLoader().load(dir);
    }

    /**
     * Loads the workspace for a command that needs a valid graph; prints the numbered report and returns null when
     * it has problems.
     */
    Workspace loadValid(PrintWriter err) {
        Workspace ws = load();
        if (!ws.problems().isEmpty()) {
            err.print("Workspace '" + ws.name() + "' has " + ws.problems().size() + " problem(s); fix them first"
                + " (martello validate shows the same list):\n" + ValidationReport.render(ws.problems()));
            return null;
        }
        return ws;
    }
}
