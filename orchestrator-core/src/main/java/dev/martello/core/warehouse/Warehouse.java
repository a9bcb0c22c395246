package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.SqlTemplate;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SQL warehouse assets are materialized into. Every materialization builds a new version aside, runs the column
 * contract and the blocking checks on it, and publishes it in one atomic step, so a rerun or a crash at any moment
 * leaves the warehouse as one successful run would.
 *
 * <p>{@code try (Warehouse w = JdbcWarehouse.open(WarehouseConfig.duckDb(dataDir))) { w.materialize(request); }}
 */
public interface Warehouse extends AutoCloseable {

    /** The backend's short name, e.g. {@code duckdb}, as used in messages. */
    String name();

    /**
     * Builds, checks and publishes one asset (one partition of an incremental asset).
     *
     * @throws WarehouseException the warehouse failed; carries its own message and SQL state
     * @throws VersionRejectedException the new version broke the column contract or a blocking check
     * @throws MaterializationCancelledException the timeout passed or the request's cancellation fired
     * @throws ComputeException the asset's Java code failed
     */
    Materialization materialize(MaterializationRequest request);

    /**
     * Drops what crashed runs of {@code asset} left behind (versions built aside and never published, or
     * replaced versions not yet dropped); never the published version. Materializations do this first where versions
     * outlive a transaction (H2, PostgreSQL); on DuckDB nothing of a failed or crashed build survives its transaction.
     *
     * @return the names of the tables and views dropped
     */
    List<String> cleanupLeftovers(AssetKey asset);

    /** The row count of a published asset or a source; empty when it does not exist. */
    OptionalLong rowCount(NodeKey node);

    /**
     * The largest value of {@code column} in a published asset or a source, as text ({@code ""} when the table is
     * empty); empty when the table does not exist. Sources are observed this way through their loaded-at column.
     */
    Optional<String> maxValue(NodeKey node, String column);

    /** The SQL of {@code template} as it runs for {@code asset}, with {@code this} naming the published asset. */
    String render(SqlTemplate template, AssetKey asset, PartitionWindow partition);

    /** A connection for readers and tools (e.g. observing sources); the caller closes it. */
    Connection connect();

    @Override
    void close();
}
