package dev.martello.core.queue;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.runs.QueueLimits;
import dev.martello.core.workspace.PoolConfig;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.dsl.Asset;

import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.stream.Collectors;

/** Which pools a plan's assets belong to (by mart, or by tag {@code key} or {@code key=value}), and the limits. */
final class Pools {
    private final Map<String, PoolConfig> pools;
    private final QueueLimits limits;

    Pools(Map<String, PoolConfig> pools, RunsConfig runs) {
        this.pools = Map.copyOf(pools);
        this.limits = new QueueLimits(runs.maxConcurrent(), pools.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().limit())));
    }

    QueueLimits limits() {
        return limits;
    }

    List<String> of(Plan plan) {
        TreeSet<String> out = new TreeSet<>();
        for (PlannedStep s : plan.steps()) {
            pools.forEach((name, pool) -> {
                if (belongs(s.asset(), pool)) {
                    out.add(name);
                }
            });
        }
        return List.copyOf(out);
    }

    private static boolean belongs(Asset asset, PoolConfig pool) {
        if (pool.marts().contains(asset.key().mart())) {
            return true;
        }
        for (String tag : pool.tags()) {
            int eq = tag.indexOf('=');
            if (eq < 0 ? asset.tags().containsKey(tag)
                : tag.substring(eq + 1).equals(asset.tags().get(tag.substring(0, eq)))) {
                return true;
            }
        }
        return false;
    }
}
