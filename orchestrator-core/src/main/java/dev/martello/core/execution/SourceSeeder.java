package dev.martello.core.execution;

import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.SourceSeed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fills a workspace's sources with generated data through the {@link SourceSeed} its {@code workspace.yaml} names,
 * loaded from the workspace's own class loader, as ingestion would in production.
 */
final class SourceSeeder {
    /** The demo's rows depend on the scale and the last day only; a fixed random seed keeps them reproducible. */
    static final long RANDOM_SEED = 20240101L;

    private final Workspace workspace;
    private final Warehouse warehouse;
    private final Clock clock;

    SourceSeeder(Workspace workspace, Warehouse warehouse, Clock clock) {
        this.workspace = workspace;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /** Whether the workspace names a seed whose sources are not in the warehouse yet. */
    boolean needed() {
        WorkspaceConfig.SeedConfig config = workspace.config().seed();
        if (config == null) {
            return false;
        }
        try (Connection c = warehouse.connect()) {
            return !load(config).isSeeded(c);
        } catch (SQLException e) {
            throw failure(config, "could not tell whether the sources exist", e);
        }
    }

    /**
     * Drops, recreates and fills the sources of the workspace's seed, which it must name. The last day is yesterday (UTC), so the latest complete daily
     * partition, what a run materializes by default, has data.
     */
    SourceSeed.Options seed() {
        WorkspaceConfig.SeedConfig config = workspace.config().seed();
        SourceSeed.Options options = new SourceSeed.Options(config.scale(),
            LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1), RANDOM_SEED);
        try (Connection c = warehouse.connect()) {
            load(config).seed(c, options);
            return options;
        } catch (SQLException e) {
            throw failure(config, "failed", e);
        }
    }

    private SourceSeed load(WorkspaceConfig.SeedConfig config) {
        String name = config.className();
        try {
            Class<?> type = Class.forName(name.strip(), true, workspace.classLoader());
            if (!SourceSeed.class.isAssignableFrom(type)) {
                throw new IllegalStateException("Seed class '" + name + "' of workspace '" + workspace.name()
                    + "' does not implement " + SourceSeed.class.getName() + ".");
            }
            return (SourceSeed) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Seed class '" + name + "' of workspace '" + workspace.name()
                + "' is not on its classpath " + workspace.config().marts().classpath()
                + "; build the marts (mvn -q package -DskipTests) or fix seed.class.", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Seed class '" + name + "' of workspace '" + workspace.name()
                + "' could not be created (it needs a public no-argument constructor): " + e, e);
        }
    }

    private IllegalStateException failure(WorkspaceConfig.SeedConfig config, String what, SQLException e) {
        return new IllegalStateException("Seeding the sources of workspace '" + workspace.name() + "' with "
            + config.className() + " " + what + ": " + e.getMessage(), e);
    }
}
