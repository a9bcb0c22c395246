package dev.martello.marts.demodata;

import dev.martello.dsl.SourceSeed;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo workspace's source data: a livestream marketplace's accounts, catalog, orders, shows, bids, app events and
 * FX rates from 2024-01-01 to the last day, generated deterministically (the same options give the same rows) into
 * the raw tables of marts/RAW_SOURCES.md. Scale 1 is about a million app events; see {@link Sizes}.
 *
 * <p>{@code seed: {class: dev.martello.marts.demodata.DemoData, scale: 1}} in {@code workspace.yaml}
 */
public final class DemoData implements SourceSeed {
    private final boolean useAppender;

    /**
     * Written last, after every row is committed: DuckDB's appenders commit on their own, so a process killed while
     * seeding would otherwise leave tables that exist but are half empty and count as seeded.
     */
    static final String COMPLETE = "raw_finance._demo_seed_complete";

    public DemoData() {
        this(true);
    }

    /** @param useAppender whether DuckDB's appender may replace the portable inserts on DuckDB */
    DemoData(boolean useAppender) {
        this.useAppender = useAppender;
    }

    @Override
    public boolean isSeeded(Connection warehouse) throws SQLException {
        Set<String> present = new HashSet<>();
        DatabaseMetaData meta = warehouse.getMetaData();
        // This database only: a Snowflake connection sees every database of the account.
        try (ResultSet rs = meta.getTables(warehouse.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                present.add((schema == null ? "" : schema + ".") + rs.getString("TABLE_NAME"));
            }
        }
        Set<String> lower = new HashSet<>();
        present.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower.contains(COMPLETE) && RawTables.ALL.stream().allMatch(t -> lower.contains(t.qualifiedName()));
    }

    /**
     * Drops and recreates the raw tables and fills them. When filling fails, the tables are dropped again, so a
     * half-filled warehouse never counts as seeded.
     */
    @Override
    public void seed(Connection warehouse, Options options) throws SQLException {
        boolean autoCommit = warehouse.getAutoCommit();
        warehouse.setAutoCommit(false);
        try {
            execute(warehouse, List.of("create schema if not exists raw_finance", "drop table if exists " + COMPLETE));
            execute(warehouse, RawTables.recreateSql());
            warehouse.commit();
            Optional<DuckDbAppenders> appenders = useAppender ? DuckDbAppenders.of(warehouse) : Optional.empty();
            try (Loader loader = new Loader(warehouse, appenders)) {
                new Simulation(options, loader).run();
            }
            warehouse.commit();
            markComplete(warehouse, options);
        } catch (SQLException | RuntimeException e) {
            discard(warehouse, e);
            throw e;
        } finally {
            warehouse.setAutoCommit(autoCommit);
        }
    }

    private static void markComplete(Connection warehouse, Options options) throws SQLException {
        execute(warehouse, List.of("create table " + COMPLETE
            + " (scale double precision, last_day date, random_seed bigint)"));
        // The day as text, cast by the warehouse: snowflake-jdbc 3.x refuses java.time values.
        try (var insert = warehouse.prepareStatement("insert into " + COMPLETE + " values (?, cast(? as date), ?)")) {
            insert.setDouble(1, options.scale());
            insert.setString(2, options.lastDay().toString());
            insert.setLong(3, options.randomSeed());
            insert.executeUpdate();
        }
        warehouse.commit();
    }

    private static void discard(Connection warehouse, Exception failure) {
        try {
            warehouse.rollback();
            execute(warehouse, RawTables.ALL.reversed().stream().map(RawTable::dropSql).toList());
            warehouse.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void execute(Connection warehouse, Iterable<String> statements) throws SQLException {
        try (Statement st = warehouse.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
