package dev.martello.cli;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.Run;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code martello retry RUN}: queues the failed, skipped and canceled steps of a run as a new run. */
@Command(name = "retry", mixinStandardHelpOptions = true,
    description = "Queue a new run of the failed and skipped steps of a run ('martello serve' runs it).")
final class RetryCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run to retry.")
    String runId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.loadValid(spec.commandLine().getErr());
        if (ws == null) {
            return 1;
        }
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            Run retry = new WorkspaceQueue(runtime).retry(runId);
            spec.commandLine().getOut().println("Queued " + retry.id() + " (attempt " + retry.attempt() + "): "
                + runtime.store().steps(retry.id()).size() + " step(s) of run " + runId + ".");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
