package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.RunStore;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Takes every asset partition of a plan for its run in one go, before any step starts, so that one asset partition
 * is never materialized by two runs at once. A partition another run holds is not waited for: its step fails at
 * once, naming that run, and the rest of the run goes on.
 */
final class PartitionLocker {
    private PartitionLocker() {
    }

    /** @return the steps that must not run, by plan index, each with its failure */
    static Map<Integer, Failure> lock(RunStore store, String runId, Plan plan) {
        Set<AssetPartition> wanted = new LinkedHashSet<>();
        plan.steps().forEach(s -> wanted.add(Executor.target(s)));
        Set<AssetPartition> held = store.tryLockPartitions(runId, wanted);
        if (held.size() == wanted.size()) {
            return Map.of();
        }
        Set<AssetPartition> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(held);
        Map<AssetPartition, String> holders = store.lockHolders(missing);
        Map<Integer, Failure> blocked = new HashMap<>();
        for (PlannedStep s : plan.steps()) {
            AssetPartition t = Executor.target(s);
            if (missing.contains(t)) {
                // The holder may have finished between the two queries; the step still did not run.
                String holder = holders.getOrDefault(t, "(which has just finished)");
                blocked.put(s.index(), Failure.orchestrator(s.label() + " is being materialized by run " + holder
                    + ", and one asset partition is never materialized by two runs at once; run it again when that"
                    + " run has finished."));
            }
        }
        return blocked;
    }
}
