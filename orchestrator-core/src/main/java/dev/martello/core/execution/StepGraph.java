package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The plan's dependency bookkeeping for one run: which steps are ready once their upstream steps succeeded, and
 * which steps a failure cuts off. Used by the run's coordinating thread only.
 */
final class StepGraph {
    private final List<PlannedStep> steps;
    private final List<List<Integer>> downstream;
    private final int[] waitingFor;
    private final boolean[] settled;

    StepGraph(Plan plan) {
        steps = plan.steps();
        downstream = new ArrayList<>(steps.size());
        waitingFor = new int[steps.size()];
        settled = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            downstream.add(new ArrayList<>(2));
        }
        for (PlannedStep s : steps) {
            List<Integer> deps = s.dependsOn().stream().distinct().toList();
            waitingFor[s.index()] = deps.size();
            deps.forEach(d -> downstream.get(d).add(s.index()));
        }
    }

    /** Steps waiting for nothing and not settled yet, in plan order. */
    List<Integer> ready() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (waitingFor[i] == 0 && !settled[i]) {
                out.add(i);
            }
        }
        return out;
    }

    boolean isSettled(int index) {
        return settled[index];
    }

    /** Marks a step done leaving its downstream alone, e.g. when it was canceled and they will be too. */
    void settle(int index) {
        settled[index] = true;
    }

    /** Marks a step done; returns the steps that became ready. */
    List<Integer> succeeded(int index) {
        settled[index] = true;
        List<Integer> ready = new ArrayList<>();
        for (int d : downstream.get(index)) {
            if (--waitingFor[d] == 0 && !settled[d]) {
                ready.add(d);
            }
        }
        return ready;
    }

    /**
     * Marks a step done without success; returns every step downstream of it not settled yet, now settled too: they
     * will not run. A step waits for all of its upstream steps, so none of them can be running.
     */
    List<PlannedStep> failed(int index) {
        settled[index] = true;
        List<PlannedStep> cut = new ArrayList<>();
        Deque<Integer> todo = new ArrayDeque<>(downstream.get(index));
        while (!todo.isEmpty()) {
            int d = todo.poll();
            if (!settled[d]) {
                settled[d] = true;
                cut.add(steps.get(d));
                todo.addAll(downstream.get(d));
            }
        }
        return cut;
    }
}
