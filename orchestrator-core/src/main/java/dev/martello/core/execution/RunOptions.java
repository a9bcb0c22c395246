package dev.martello.core.execution;

import dev.martello.core.warehouse.Cancellation;

import java.util.Objects;

/**
 * How one plan is run: what triggered it (kept with the run, e.g. {@code manual} or {@code schedule:daily}), how many
 * steps may run at once, and the switch that cancels it. The cancellation belongs to one run: once cancelled, every
 * run given these options starts cancelled.
 *
 * <p>{@code RunOptions.manual().withParallelism(8)}; on Ctrl-C, {@code options.cancellation().cancel()}
 */
public record RunOptions(String trigger, int parallelism, Cancellation cancellation) {
    public static final int DEFAULT_PARALLELISM = 4;

    public RunOptions {
        Objects.requireNonNull(trigger, "trigger");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    /** A run started by a person, four steps at a time, with a fresh cancellation. */
    public static RunOptions manual() {
        return new RunOptions("manual", DEFAULT_PARALLELISM, new Cancellation());
    }

    public RunOptions withTrigger(String value) {
        return new RunOptions(value, parallelism, cancellation);
    }

    public RunOptions withParallelism(int value) {
        return new RunOptions(trigger, value, cancellation);
    }

    public RunOptions withCancellation(Cancellation value) {
        return new RunOptions(trigger, parallelism, value);
    }
}
