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
 * @param node                 this process's node id, recorded on the runs it executes and kept alive by heartbeats
 *                             (null: one is made up from the host name and process id)
 *
 * <p>{@code RuntimeSettings.defaults().withNotices(System.err::println)}
 */
public record RuntimeSettings(int warehouseConcurrency, boolean seedSources, UnaryOperator<String> environment,
                              Clock clock, Consumer<String> notices, String node) {
    public static final int DEFAULT_WAREHOUSE_CONCURRENCY = 4;

    public RuntimeSettings {
        if (warehouseConcurrency < 1) {
            throw new IllegalArgumentException("warehouseConcurrency must be at least 1, not " + warehouseConcurrency);
        }
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        notices = notices == null ? line -> { } : notices;
        node = node == null ? NodeIds.next() : node;
    }

    public static RuntimeSettings defaults() {
        return new RuntimeSettings(DEFAULT_WAREHOUSE_CONCURRENCY, true, System::getenv, Clock.systemUTC(), null, null);
    }

    public RuntimeSettings withWarehouseConcurrency(int value) {
        return new RuntimeSettings(value, seedSources, environment, clock, notices, node);
    }

    public RuntimeSettings withSeedSources(boolean value) {
        return new RuntimeSettings(warehouseConcurrency, value, environment, clock, notices, node);
    }

    public RuntimeSettings withEnvironment(UnaryOperator<String> value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, value, clock, notices, node);
    }

    public RuntimeSettings withClock(Clock value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, environment, value, notices, node);
    }

    public RuntimeSettings withNode(String value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, environment, clock, notices, value);
    }

    public RuntimeSettings withNotices(Consumer<String> value) {
        return new RuntimeSettings(warehouseConcurrency, seedSources, environment, clock, value, node);
    }
}
