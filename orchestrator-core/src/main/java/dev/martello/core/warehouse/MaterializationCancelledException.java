package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Durations;

import java.time.Duration;

/** A materialization was stopped by its timeout or by cancelling its run; its warehouse statement was cancelled. */
public final class MaterializationCancelledException extends RuntimeException {
    private final AssetKey asset;
    private final Duration timeout;

    /** @param timeout the limit that passed, or null when the run was cancelled */
    MaterializationCancelledException(AssetKey asset, Duration timeout, Throwable cause) {
        super("Materializing '" + asset + "' was " + (timeout == null ? "cancelled"
            : "stopped after its timeout of " + Durations.format(timeout))
            + ": the warehouse statement was cancelled and the published data is unchanged.", cause);
        this.asset = asset;
        this.timeout = timeout;
    }

    public AssetKey asset() {
        return asset;
    }

    public boolean timedOut() {
        return timeout != null;
    }
}
