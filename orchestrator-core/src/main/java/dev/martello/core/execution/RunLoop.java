package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.warehouse.Cancellation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Drives one run's steps in dependency order: launches ready steps while fewer than {@code parallelism} run, skips
 * everything downstream of a failure while independent branches go on, and after a cancellation launches nothing
 * more. The calling thread coordinates; the pool's threads do the steps and report back through a queue.
 */
final class RunLoop {
    /** Put on the queue by a cancellation, so the coordinator stops waiting and stops launching at once. */
    static final Done WAKE = new Done(-1, null);

    record Done(int index, StepResult result) {
    }

    /**
     * How the steps ended, and whether the coordinating thread was interrupted: its interrupt status is set again only
     * once the run is recorded, as an interrupted thread's I/O can close the metadata store's file (H2).
     */
    record Outcome(List<StepResult> steps, boolean interrupted) {
    }

    private final Plan plan;
    private final StepGraph graph;
    private final StepRunner runner;
    private final RunRecorder recorder;
    private final ExecutorService pool;
    private final int parallelism;
    private final Cancellation cancellation;
    private final BlockingQueue<Done> done;
    private final StepResult[] results;

    RunLoop(Plan plan, StepRunner runner, RunRecorder recorder, ExecutorService pool, int parallelism,
            Cancellation cancellation, BlockingQueue<Done> done) {
        this.plan = plan;
        this.graph = new StepGraph(plan);
        this.runner = runner;
        this.recorder = recorder;
        this.pool = pool;
        this.parallelism = parallelism;
        this.cancellation = cancellation;
        this.done = done;
        this.results = new StepResult[plan.steps().size()];
    }

    static BlockingQueue<Done> queue() {
        return new LinkedBlockingQueue<>();
    }

    /** @param blocked steps that must not run, each with its failure (their partition is another run's) */
    Outcome run(Map<Integer, Failure> blocked) {
        blocked.keySet().stream().sorted().forEach(i -> {
            if (!graph.isSettled(i)) {
                settle(i, recorder.failed(plan.steps().get(i), 0, null, 0, blocked.get(i)));
            }
        });
        Deque<Integer> ready = new ArrayDeque<>(graph.ready());
        int running = 0;
        boolean interrupted = false;
        while (true) {
            while (!cancellation.isCancelled() && running < parallelism && !ready.isEmpty()) {
                launch(ready.poll());
                running++;
            }
            if (running == 0) {
                break;
            }
            Done d;
            try {
                d = done.take();
            } catch (InterruptedException e) {
                // Giving up here would leave steps running after the run ended and its locks were released: an
                // interrupt cancels the run instead, which still waits for its running steps to stop.
                interrupted = true;
                cancellation.cancel();
                continue;
            }
            if (d == WAKE) {
                continue;
            }
            running--;
            if (d.result().status() == StepStatus.SUCCEEDED) {
                results[d.index()] = d.result();
                ready.addAll(graph.succeeded(d.index()));
            } else {
                settle(d.index(), d.result());
            }
        }
        cancelRest();
        return new Outcome(Arrays.asList(results), interrupted);
    }

    private void launch(int index) {
        PlannedStep step = plan.steps().get(index);
        pool.execute(() -> {
            StepResult result = null;
            try {
                result = runner.run(step);
            } catch (Throwable t) {
                result = runner.crashed(step, t);
            } finally {
                // Always report back, or the coordinator would wait for this step forever.
                done.add(new Done(index, result != null ? result : runner.crashed(step, new IllegalStateException(
                    "the step ended without a result"))));
            }
        });
    }

    /** A step that ended without success: a failure cuts off its downstream; a cancellation leaves it to cancelRest. */
    private void settle(int index, StepResult result) {
        results[index] = result;
        if (result.status() == StepStatus.CANCELED) {
            graph.settle(index);
            return;
        }
        List<PlannedStep> cut = graph.failed(index);
        if (!cut.isEmpty()) {
            String cause = "upstream " + plan.steps().get(index).label() + " failed";
            List<StepResult> skipped = recorder.notRun(cut, StepStatus.SKIPPED, FailureKind.UPSTREAM_FAILED, cause);
            for (int i = 0; i < cut.size(); i++) {
                results[cut.get(i).index()] = skipped.get(i);
            }
        }
    }

    /** Whatever never started once nothing runs any more: only a cancelled run leaves such steps. */
    private void cancelRest() {
        List<PlannedStep> rest = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            if (results[s.index()] == null) {
                rest.add(s);
            }
        }
        if (rest.isEmpty()) {
            return;
        }
        String cause = cancellation.isCancelled() ? Executor.CANCELED_BEFORE_START
            : "orchestrator: the step was never launched";
        FailureKind kind = cancellation.isCancelled() ? FailureKind.CANCELED : FailureKind.ORCHESTRATOR;
        StepStatus status = cancellation.isCancelled() ? StepStatus.CANCELED : StepStatus.FAILED;
        List<StepResult> out = recorder.notRun(rest, status, kind, cause);
        for (int i = 0; i < rest.size(); i++) {
            results[rest.get(i).index()] = out.get(i);
        }
    }
}
