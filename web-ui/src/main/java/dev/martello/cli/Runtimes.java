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
        return WorkspaceRuntime.open(ws, RuntimeSettings.defaults().withSeedSources(seedSources).withNotices(line -> {
            err.println(line);
            err.flush();
        }));
    }
}
