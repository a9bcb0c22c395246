package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.PartitionWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the warehouse contract runs on: one backend per class, opened once with the shared source table
 * {@code raw.orders}, a fresh schema per test, and the reader-side queries the contract asserts with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WarehouseFixture {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    protected Warehouse warehouse;
    /** The schema of the current test: each test works in one of its own. */
    protected String mart;

    /** Starts the backend if needed and says where it is. */
    protected abstract WarehouseConfig config() throws Exception;

    /** Stops what {@link #config()} started, after the warehouse is closed. */
    protected void stopBackend() throws Exception {
    }

    /** How the catalog spells a lower-case name the engine quoted (upper case on Snowflake). */
    protected String catalogName(String name) {
        return name;
    }

    /** A name quoted as the engine quotes it. */
    protected String quoted(String name) {
        return '"' + catalogName(name) + '"';
    }


    @BeforeAll
    void openWarehouse() throws Exception {
        warehouse = JdbcWarehouse.open(config());
        sql("create schema raw",
            "create table raw.orders (id bigint, status varchar(20), amount decimal(10, 2), ordered_at timestamp)",
            "insert into raw.orders values (1, 'paid', 10.00, TIMESTAMP '2024-01-01 08:00:00'),"
                + " (2, 'open', 20.50, TIMESTAMP '2024-01-01 12:00:00'),"
                + " (3, 'paid', 5.25, TIMESTAMP '2024-01-02 09:30:00'),"
                + " (4, 'refunded', 7.00, TIMESTAMP '2024-01-02 18:00:00'),"
                + " (5, 'paid', 1.00, TIMESTAMP '2024-01-03 00:00:00')");
    }

    @AfterAll
    void closeWarehouse() throws Exception {
        warehouse.close();
        stopBackend();
    }

    @BeforeEach
    void freshSchema() {
        mart = "m" + SCHEMAS.incrementAndGet();
    }

    protected Materialization materialize(Asset asset, String runId) {
        return warehouse.materialize(MaterializationRequest.of(asset, runId));
    }

    protected Materialization materialize(Asset asset, String runId, PartitionWindow partition) {
        return warehouse.materialize(MaterializationRequest.of(asset, runId).forPartition(partition));
    }

    protected static PartitionWindow day(String date) {
        Instant start = Instant.parse(date + "T00:00:00Z");
        return new PartitionWindow(date, start, start.plus(Duration.ofDays(1)));
    }

    /** Every row of a relation, read on a connection of its own (as a reader would), sorted. */
    protected List<String> rows(String relation) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select * from " + relation)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", values));
            }
        }
        out.sort(null);
        return out;
    }

    protected List<Long> ids(String relation) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from " + relation + " order by id")) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> tablesLike(String schema, String pattern) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = warehouse.connect();
             var query = c.prepareStatement("select table_name from information_schema.tables"
                 + " where table_schema = ? and table_name like ? escape '!'")) {
            query.setString(1, catalogName(schema));
            query.setString(2, catalogName(pattern));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    protected void sql(String... statements) throws SQLException {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
