package dev.martello.cli;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunResult;
import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.execution.StepResult;

import java.io.PrintWriter;

/**
 * The live progress of a run: a line per finished step and a running tally (done / running / failed / skipped,
 * elapsed). On a terminal the tally is redrawn in place; in a log it is printed with each step.
 */
final class Progress implements RunListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int total;
    private int running;
    private int done;
    private int failed;
    private int skipped;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void runStarted(Run run, Plan plan) {
        total = plan.steps().size();
        out.printf("Run %s: %d step(s) for '%s'%n", run.id(), total, plan.selection());
        out.flush();
    }

    @Override
    public void stepStarted(PlannedStep step, int attempt) {
        if (attempt == 1) {
            running++;
        }
        redraw();
    }

    @Override
    public void stepFinished(PlannedStep step, StepResult result) {
        if (result.attempts() > 0) {
            running--;
        }
        switch (result.status()) {
            case SUCCEEDED -> done++;
            case FAILED -> failed++;
            default -> skipped++;
        }
        clearLine();
        String rows = result.rows().isPresent() ? result.rows().getAsLong() + " rows" : "";
        String mark = switch (result.status()) {
            case SUCCEEDED -> "ok  ";
            case FAILED -> "FAIL";
            case SKIPPED -> "skip";
            default -> result.status().name().toLowerCase(java.util.Locale.ROOT);
        };
        out.printf("  %s %-45s %8s  %s%n", mark, result.label(), Durations.format(result.durationMs()), rows);
        if (result.status() != StepStatus.SUCCEEDED && !result.message().isEmpty()) {
            out.printf("       %s%n", result.message());
        }
        redraw();
    }

    @Override
    public void runFinished(RunResult result) {
        clearLine();
        out.flush();
    }

    private void redraw() {
        if (terminal) {
            out.printf("\r[%d/%d] done %d, running %d, failed %d, skipped %d, %s ", done + failed + skipped, total, done,
                running, failed, skipped, Durations.format((System.nanoTime() - start) / 1_000_000));
        }
        out.flush();
    }

    private void clearLine() {
        if (terminal) {
            out.print("\r\033[K");
        }
    }
}
