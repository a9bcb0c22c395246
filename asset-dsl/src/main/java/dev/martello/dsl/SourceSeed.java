package dev.martello.dsl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Creates and fills a workspace's source tables with generated data, the same rows for the same options — the
 * demo's stand-in for ingestion. A workspace names its seed class; the orchestrator runs it on first use (when
 * the sources are missing) or on request.
 *
 * <p>{@code seed: {class: dev.martello.marts.demodata.DemoData, scale: 1}} in {@code workspace.yaml}
 */
public interface SourceSeed {

    /** The options of one seeding: a size factor, the last day of data (inclusive) and the random seed. */
    record Options(double scale, LocalDate lastDay, long randomSeed) {
        public Options {
            if (scale <= 0) {
                throw new IllegalArgumentException("the seed scale must be positive, was " + scale);
            }
        }
    }

    /** Whether the sources this seed writes already exist in the warehouse. */
    boolean isSeeded(Connection warehouse) throws SQLException;

    /** Drops and recreates the sources and fills them; the connection is to the workspace's warehouse. */
    void seed(Connection warehouse, Options options) throws SQLException;
}
