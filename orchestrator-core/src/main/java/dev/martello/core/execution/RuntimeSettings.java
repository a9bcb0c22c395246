package dev.martello.core.execution;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How a {@link WorkspaceRuntime} is set up beyond its {@code workspace.yaml}.
 *
 * @param warehouseConcurrency how many materializations may run against the warehouse at once, across runs
 * @param seedSources          whether opening the runtime seeds the workspace's sources when they are missing
 * @param environment          reads environment variables (credentials named by {@code passwordEnv}); tests replace it
 * @param clock                decides which partition is the latest complete one, and the seed's last day
 * @param notices              receives one-line notices a person should see, e.g. that seeding started or that an
 *                             interrupted run was marked failed
 *
 * <p>{@code RuntimeSettings.defaults().withNotices(System.err::println)}
 */
public record RuntimeSettings(int warehouseConcurrency, boolean seedSources, UnaryOperator<String> environment,
                              Clock clock, Consumer<String> notices) {
    public static final int DEFAULT_WAREHOUSE_CONCURRENCY = 4;

    public RuntimeSettings {
        if (warehouseConcurrency < 1) {
            throw new IllegalArgumentException("warehouseConcurrency must be at least 1, not " + warehouseConcurrency);
        }
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        notices = notices == null ? line -> { } : notices;
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DEFAULT_WAREHOUSE_CONCURRENCY, true, System::getenv, Clock.systemUTC(), null);
    }

    public RuntimeSettings withWarehouseConcurrency(int value) {
        return new RuntimeSettings(value, seedSources, environment, clock, notices);
    }

    public RuntimeSettings withSeedSources(boolean value) {
        return new RuntimeSettings(warehouseConcurrency, value, environment, clock, notices);
    }

    public RuntimeSettings withEnvironment(UnaryOperator<String> value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, value, clock, notices);
    }

    public RuntimeSettings withClock(Clock value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, environment, value, notices);
    }

    public RuntimeSettings withNotices(Consumer<String> value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, environment, clock, value);
    }
}
