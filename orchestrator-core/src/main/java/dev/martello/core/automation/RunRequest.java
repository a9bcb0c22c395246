package dev.martello.core.automation;

import dev.martello.core.runs.AssetPartition;

import java.util.Objects;

/**
 * A run that an automation tick asks the daemon to submit: one asset partition, why, and the trigger to record on
 * the run ({@value #TRIGGER}).
 */
public record RunRequest(AssetPartition target, String reason, String trigger) {
    public static final String TRIGGER = "automation";

    public RunRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(trigger, "trigger");
    }

    public RunRequest(AssetPartition target, String reason) {
        this(target, reason, TRIGGER);
    }
}
