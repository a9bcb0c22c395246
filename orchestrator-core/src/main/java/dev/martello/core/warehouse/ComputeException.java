package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;

/** An asset's Java code failed (user code, not the warehouse); the published data is unchanged. */
public final class ComputeException extends RuntimeException {
    private final AssetKey asset;

    ComputeException(AssetKey asset, String message, Throwable cause) {
        super("The Java code of asset '" + asset + "' failed: " + message, cause);
        this.asset = asset;
    }

    public AssetKey asset() {
        return asset;
    }
}
