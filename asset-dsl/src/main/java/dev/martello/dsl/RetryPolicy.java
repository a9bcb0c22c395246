package dev.martello.dsl;

import java.time.Duration;

/**
 * How often a transient failure of an asset is retried, with exponential backoff from {@code initialBackoff}
 * (doubling) up to {@code maxBackoff}.
 *
 * <p>{@code .retries(3, Duration.ofSeconds(5))}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = initialBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
