package dev.martello.cli;

import dev.martello.core.execution.RunDetails;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.Step;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code martello run ID}: one run's steps (durations, errors) and its log. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Show one run: its steps, errors and logs.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Parameters(paramLabel = "ID", description = "The run id, as 'martello runs' lists it.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.load();
        var out = spec.commandLine().getOut();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            Optional<RunDetails> found = runtime.run(id);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("No run has id '" + id + "'. 'martello runs' lists the latest ones.");
            }
            RunDetails d = found.get();
            out.printf("Run %s %s (trigger %s, selection '%s'%s)%n", d.run().id(), d.run().status(), d.run().trigger(),
                d.run().selection(), d.run().message().isEmpty() ? "" : ": " + d.run().message());
            List<List<String>> rows = new ArrayList<>();
            for (Step s : d.steps()) {
                String label = s.partition().isEmpty() ? s.asset().toString() : s.asset() + "[" + s.partition() + "]";
                String ms = s.startedAt() == null || s.finishedAt() == null ? "-"
                    : Durations.format(Duration.between(s.startedAt(), s.finishedAt()).toMillis());
                rows.add(List.of(label, s.status().name(), String.valueOf(s.attempts()), ms,
                    s.failure() == null ? "" : s.failure().name()));
            }
            out.print(TextTable.render(List.of("STEP", "STATUS", "ATTEMPTS", "DURATION", "FAILURE"), rows));
            out.println("\nEvents:");
            for (RunEvent e : d.events()) {
                out.println("  " + e.at() + "  " + describe(e));
            }
            out.flush();
        }
        return 0;
    }

    private static String describe(RunEvent e) {
        return switch (e) {
            case RunEvent.Log l -> "log " + l.level() + (l.asset() == null ? "" : " " + l.asset()) + ": " + l.message();
            case RunEvent.StepFailed f -> "failed " + f.asset() + label(f.partition()) + ": " + f.message();
            case RunEvent.StepSkipped s -> "skipped " + s.asset() + label(s.partition()) + ": " + s.cause();
            case RunEvent.Materialized m -> "materialized " + m.asset() + label(m.partition()) + " (" + m.rowCount()
                + " rows, " + m.durationMs() + " ms, code " + m.codeVersion() + ")";
            case RunEvent.CheckEvaluated c -> "check " + c.asset() + label(c.partition()) + " " + c.checkName() + ": "
                + (c.passed() ? "passed" : "FAILED (" + c.failingRows() + " rows)");
            default -> e.getClass().getSimpleName();
        };
    }

    private static String label(String partition) {
        return partition == null || partition.isEmpty() ? "" : "[" + partition + "]";
    }
}
