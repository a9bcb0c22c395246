package dev.martello.core.workspace;

/**
 * The run queue's settings in {@code workspace.yaml}: how many runs may be started at once, what becomes of a run
 * whose process died ({@code fail} or {@code requeue}), and how many times a failed run is retried automatically
 * (each retry runs only the failed and skipped steps).
 *
 * <pre>{@code
 * runs: { maxConcurrent: 4, onInterrupted: requeue, retries: 1 }
 * }</pre>
 */
public record RunsConfig(Integer maxConcurrent, OnInterrupted onInterrupted, Integer retries) {
    public static final RunsConfig DEFAULTS = new RunsConfig(null, null, null);

    public enum OnInterrupted { FAIL, REQUEUE }

    public RunsConfig {
        maxConcurrent = maxConcurrent == null ? 4 : maxConcurrent;
        onInterrupted = onInterrupted == null ? OnInterrupted.FAIL : onInterrupted;
        retries = retries == null ? 0 : retries;
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("runs.maxConcurrent must be at least 1, not " + maxConcurrent);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("runs.retries cannot be negative, not " + retries);
        }
    }
}
