package dev.martello.cli;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;

import java.io.PrintWriter;

/** Opens a workspace's runtime for a command, with the runtime's notices (recovery, seeding) on standard error. */
final class Runtimes {
    private Runtimes() {
    }

    static WorkspaceRuntime open(Workspace ws, PrintWriter err, boolean seedSources) {
        return WorkspaceRuntime.open(ws, settings(err).withSeedSources(seedSources));
    }

    /** The default settings with the runtime's notices on {@code err}, each flushed as it comes. */
    static RuntimeSettings settings(PrintWriter err) {
        return RuntimeSettings.defaults().withNotices(line -> {
            err.println(line);
            err.flush();
        });
    }
}
