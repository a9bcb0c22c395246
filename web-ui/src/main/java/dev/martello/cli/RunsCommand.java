package dev.martello.cli;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.runs.Run;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code martello runs}: the latest runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the latest runs, newest first.")
final class RunsCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many (default: 20).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.load();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            List<List<String>> rows = new ArrayList<>();
            for (Run r : runtime.runs(limit)) {
                rows.add(List.of(r.id(), r.status().name(), r.trigger(), r.selection(), r.createdAt().toString(),
                    duration(r)));
            }
            spec.commandLine().getOut().print(TextTable.render(
                List.of("RUN", "STATUS", "TRIGGER", "SELECTION", "CREATED", "DURATION"), rows));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    static String duration(Run r) {
        return r.startedAt() == null || r.finishedAt() == null ? "-"
            : Durations.format(Duration.between(r.startedAt(), r.finishedAt()).toMillis());
    }
}
