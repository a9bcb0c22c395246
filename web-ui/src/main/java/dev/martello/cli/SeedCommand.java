package dev.martello.cli;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.SourceSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code martello seed}: (re)generate the workspace's source data with the seed named in workspace.yaml. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Drop, recreate and fill the workspace's sources with its seed (workspace.yaml 'seed:').")
final class SeedCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.load();
        long start = System.nanoTime();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            SourceSeed.Options o = runtime.seed();
            spec.commandLine().getOut().printf("Seeded workspace '%s' (scale %s, last day %s) in %s.%n", ws.name(),
                o.scale(), o.lastDay(), Durations.format((System.nanoTime() - start) / 1_000_000));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
