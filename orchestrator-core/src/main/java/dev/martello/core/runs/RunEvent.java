package dev.martello.core.runs;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Severity;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something that happened in a run, in the order it happened; the event log is the run's history. Events about one
 * asset partition are {@link StepEvent}s ({@code partition} is {@code ""} when unpartitioned).
 */
public sealed interface RunEvent {

    String runId();

    Instant at();

    /** An event about one step: one asset partition of the run. */
    sealed interface StepEvent extends RunEvent {
        AssetKey asset();

        String partition();

        default AssetPartition target() {
            return new AssetPartition(asset(), partition());
        }
    }

    record RunStarted(String runId, Instant at) implements RunEvent {
        public RunStarted {
            requireBase(runId, at);
        }
    }

    record RunFinished(String runId, Instant at, RunStatus status, String message) implements RunEvent {
        public RunFinished {
            requireBase(runId, at);
            Objects.requireNonNull(status, "status");
            message = message == null ? "" : message;
        }
    }

    /** A step began an attempt; attempts count from 1. */
    record StepStarted(String runId, Instant at, AssetKey asset, String partition, int attempt) implements StepEvent {
        public StepStarted {
            requireStep(runId, at, asset, partition);
        }
    }

    /**
     * A new version of the partition was published. {@code inputDataVersions} maps each upstream key to the data
     * version read, so a later change upstream makes this partition stale.
     */
    record Materialized(String runId, Instant at, AssetKey asset, String partition, long rowCount, long durationMs,
                        String codeVersion, String dataVersion, Map<String, String> inputDataVersions)
        implements StepEvent {
        public Materialized {
            requireStep(runId, at, asset, partition);
            Objects.requireNonNull(codeVersion, "codeVersion");
            Objects.requireNonNull(dataVersion, "dataVersion");
            inputDataVersions = Collections.unmodifiableMap(new TreeMap<>(inputDataVersions));
        }
    }

    /** A check ran on the version being built; {@code failingRows} is 0 when it passed. */
    record CheckEvaluated(String runId, Instant at, AssetKey asset, String partition, String checkName,
                          Severity severity, boolean passed, long failingRows, String message) implements StepEvent {
        public CheckEvaluated {
            requireStep(runId, at, asset, partition);
            Objects.requireNonNull(checkName, "checkName");
            Objects.requireNonNull(severity, "severity");
            message = message == null ? "" : message;
        }
    }

    record StepFailed(String runId, Instant at, AssetKey asset, String partition, FailureKind failure, String message)
        implements StepEvent {
        public StepFailed {
            requireStep(runId, at, asset, partition);
            Objects.requireNonNull(failure, "failure");
            message = message == null ? "" : message;
        }
    }

    /** The step did not run; {@code cause} names what stopped it, e.g. the failed upstream. */
    record StepSkipped(String runId, Instant at, AssetKey asset, String partition, String cause) implements StepEvent {
        public StepSkipped {
            requireStep(runId, at, asset, partition);
            cause = cause == null ? "" : cause;
        }
    }

    /** A log line; {@code asset} is null for a run-level line, and {@code partition} is then {@code ""}. */
    record Log(String runId, Instant at, AssetKey asset, String partition, Level level, String message)
        implements RunEvent {
        public enum Level { DEBUG, INFO, WARN, ERROR }

        public Log {
            requireBase(runId, at);
            partition = partition == null ? "" : partition;
            Objects.requireNonNull(level, "level");
            message = message == null ? "" : message;
        }

        public static Log run(String runId, Instant at, Level level, String message) {
            return new Log(runId, at, null, "", level, message);
        }
    }

    private static void requireBase(String runId, Instant at) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
    }

    private static void requireStep(String runId, Instant at, AssetKey asset, String partition) {
        requireBase(runId, at);
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(partition, "partition (use \"\" for an unpartitioned asset)");
    }
}
