package dev.martello.cli;

import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.StepResult;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.warehouse.Cancellation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code martello materialize --select EXPR [--partition P | --from P1 --to P2]}: one run, live, then a summary. */
@Command(name = "materialize", mixinStandardHelpOptions = true,
    description = "Materialize a selection (partitioned assets: their latest complete partition unless told)."
        + " Exit 1 when any step fails. Ctrl-C cancels the run and records it.")
final class MaterializeCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = {"-s", "--select"}, paramLabel = "EXPR", defaultValue = "*",
        description = "Selection, e.g. '+core/gmv_daily_by_category' (default: everything).")
    String select;

    @Option(names = {"-p", "--partition"}, paramLabel = "KEY", description = "One partition, e.g. 2024-01-31.")
    String partition;

    @Option(names = "--from", paramLabel = "KEY", description = "First partition of a range (with --to).")
    String from;

    @Option(names = "--to", paramLabel = "KEY", description = "Last partition of a range, included (with --from).")
    String to;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
        description = "Steps run at once (default: 4).")
    int parallelism;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PartitionChoice choice = choice();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Workspace ws = workspace.loadValid(err);
        if (ws == null) {
            return ErrorHandler.INVALID_WORKSPACE;
        }
        Cancellation cancellation = new Cancellation();
        CountDownLatch recorded = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("\nCancelling the run…");
            err.flush();
            cancellation.cancel();
            awaitQuietly(recorded);
        }, "martello-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (WorkspaceRuntime runtime = Runtimes.open(ws, err, true)) {
            RunResult result = runtime.materialize(select, choice,
                RunOptions.manual().withParallelism(parallelism).withCancellation(cancellation),
                new Progress(out, System.console() != null));
            out.print(summary(result));
            out.flush();
            return result.succeeded() ? 0 : 1;
        } finally {
            recorded.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running (Ctrl-C); it waits on the latch released above.
            }
        }
    }

    private PartitionChoice choice() {
        if (partition != null && (from != null || to != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "Give either --partition or --from/--to, not both.");
        }
        if ((from == null) != (to == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "A range needs both --from and --to.");
        }
        if (partition != null) {
            return new PartitionChoice.Single(partition);
        }
        return from != null ? new PartitionChoice.Range(from, to) : PartitionChoice.latest();
    }

    static String summary(RunResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : result.steps()) {
            rows.add(List.of(s.label(), s.status().name(), String.valueOf(s.attempts()), Durations.format(s.durationMs()),
                s.rows().isPresent() ? String.valueOf(s.rows().getAsLong()) : "-",
                s.failure() == null ? "" : s.failure().name()));
        }
        long ms = result.run().startedAt() == null || result.run().finishedAt() == null ? -1
            : java.time.Duration.between(result.run().startedAt(), result.run().finishedAt()).toMillis();
        return "\n" + TextTable.render(List.of("STEP", "STATUS", "ATTEMPTS", "DURATION", "ROWS", "FAILURE"), rows)
            + String.format("%nRun %s %s in %s: %d succeeded, %d failed, %d skipped, %d canceled.%n", result.run().id(),
            result.status(), Durations.format(ms), result.count(StepStatus.SUCCEEDED), result.count(StepStatus.FAILED),
            result.count(StepStatus.SKIPPED), result.count(StepStatus.CANCELED));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
