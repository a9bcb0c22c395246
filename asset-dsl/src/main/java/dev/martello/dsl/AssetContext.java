package dev.martello.dsl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What Java-computed assets get from the engine: a warehouse connection and the name of the table version being
 * built. Writing into {@link #target()} gives a Java asset the same guarantees as a SQL asset: the engine checks
 * and publishes it atomically.
 *
 * <p>{@code ctx.execute("insert into " + ctx.target() + " select * from " + ctx.table("commerce/orders"))}
 */
public interface AssetContext {

    /** The asset being computed. */
    AssetKey key();

    /** The run this computation belongs to. */
    String runId();

    /** A warehouse connection; the engine owns its transaction. */
    Connection connection();

    /**
     * The quoted, qualified name of the table version being built. It exists, with the declared columns, when the
     * asset declares columns; otherwise the code creates it ({@code create table <target> as …}).
     */
    String target();

    /** The quoted, qualified name of a published upstream asset ({@code mart/name}) or source ({@code schema.table}). */
    String table(String key);

    /** The partition being computed, for partitioned assets. */
    Optional<PartitionWindow> partition();

    /** Runs one statement on {@link #connection()}; returns the update count. */
    int execute(String sql) throws SQLException;

    /** Adds a line to the step's log. */
    void log(String message);
}
