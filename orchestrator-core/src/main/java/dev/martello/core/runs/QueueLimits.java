package dev.martello.core.runs;

import java.util.Map;

/**
 * How many runs of one workspace may be STARTED at once: in all, and per pool. A run in several pools counts in each;
 * a pool without a limit here is unlimited.
 */
public record QueueLimits(int maxConcurrentRuns, Map<String, Integer> poolLimits) {
    public QueueLimits {
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, not " + maxConcurrentRuns);
        }
        poolLimits = Map.copyOf(poolLimits);
    }
}
