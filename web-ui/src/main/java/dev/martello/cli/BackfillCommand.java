package dev.martello.cli;

import dev.martello.core.backfill.Backfill;
import dev.martello.core.backfill.BackfillPlan;
import dev.martello.core.backfill.BackfillProgress;
import dev.martello.core.backfill.BackfillRequest;
import dev.martello.core.backfill.Backfills;
import dev.martello.core.backfill.jooq.JooqBackfillStore;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code martello backfill}: plans ({@code --dry-run}) or starts a backfill, shows its progress, or cancels it. A
 * started backfill is stored; {@code martello serve} queues its chunks and runs them.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Backfill a selection over a partition range in chunks; show or cancel a backfill.")
final class BackfillCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SELECTION", description = "Assets to backfill.")
    String selection;

    @Option(names = "--from", paramLabel = "KEY", description = "First partition.")
    String from;

    @Option(names = "--to", paramLabel = "KEY", description = "Last partition (included).")
    String to;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "10", description = "Partitions per run (default 10).")
    int chunk;

    @Option(names = "--missing", description = "Only partitions that are missing or whose last attempt failed.")
    boolean missing;

    @Option(names = "--priority", paramLabel = "N", defaultValue = "-10",
        description = "Priority of its runs (default -10: after scheduled and manual runs).")
    int priority;

    @Option(names = "--dry-run", description = "Print the plan; start nothing.")
    boolean dryRun;

    @Option(names = "--progress", paramLabel = "ID", description = "Show a backfill's progress.")
    String progressId;

    @Option(names = "--cancel", paramLabel = "ID", description = "Stop launching a backfill and cancel its queued runs.")
    String cancelId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace ws = workspace.loadValid(spec.commandLine().getErr());
        if (ws == null) {
            return 1;
        }
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            WorkspaceQueue queue = new WorkspaceQueue(runtime); // never started: serve launches the runs
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            if (progressId != null) {
                print(out, backfills.progress(progressId));
            } else if (cancelId != null) {
                out.println(backfills.cancel(cancelId) ? "Backfill " + cancelId + " canceled: nothing more is launched"
                    + " and its queued runs are canceled." : "Backfill " + cancelId + " had already launched every"
                    + " chunk; its queued runs are canceled.");
            } else {
                if (selection == null || from == null || to == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "A backfill needs SELECTION, --from and --to (or --progress ID / --cancel ID).");
                }
                BackfillRequest request = new BackfillRequest(ws.name(), selection, from, to, chunk, missing, priority);
                BackfillPlan plan = backfills.plan(request);
                out.println("Backfill of '" + selection + "': " + plan.partitions().size() + " partition(s)"
                    + (plan.partitions().isEmpty() ? "" : " from " + plan.partitions().getFirst() + " to "
                    + plan.partitions().getLast()) + (missing ? ", " + plan.skipped() + " already there left out" : "")
                    + "; " + plan.chunks() + " run(s) of at most " + chunk + " partition(s); " + plan.steps()
                    + " step(s).");
                if (!dryRun) {
                    Backfill b = backfills.start(request);
                    out.println("Started backfill " + b.id() + "; 'martello serve' launches its runs. Progress:"
                        + " martello backfill --progress " + b.id());
                }
            }
            out.flush();
        }
        return 0;
    }

    private static void print(PrintWriter out, BackfillProgress p) {
        out.println("Backfill " + p.backfill().id() + " (" + p.backfill().status() + "): " + p.queuedChunks() + " of "
            + p.backfill().chunks() + " chunk(s) queued; runs " + p.runs() + (p.isDone() ? "; done." : "."));
    }
}
