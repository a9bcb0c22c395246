package dev.martello.core.warehouse;

import org.junit.jupiter.api.Tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The warehouse contract on Snowflake, through the unmodified snowflake-jdbc driver: against fakesnow on loopback in
 * CI ({@code .ci/run}), or against a real account with the same variables (see docs/warehouses/snowflake.md). Runs in
 * the {@code snowflake} Maven profile only, and there fails, never skips, when no server is configured. Each run
 * works in a database of its own, dropped at the end.
 */
@Tag("snowflake")
class SnowflakeWarehouseTest extends WarehouseContractTest {
    private SnowflakeTestServer server;
    private String database;

    @Override
    protected WarehouseConfig config() throws SQLException {
        server = SnowflakeTestServer.fromEnvironment();
        database = "MARTELLO_TEST_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
            .toUpperCase(Locale.ROOT);
        try (Connection c = server.connect(null); Statement st = c.createStatement()) {
            st.execute("create database " + database);
        }
        return server.warehouse(database);
    }

    @Override
    protected void stopBackend() throws SQLException {
        if (server.fake()) {
            // fakesnow has no DROP DATABASE; its databases live in the server's memory and go with it.
            return;
        }
        try (Connection c = server.connect(null); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database);
        }
    }

    @Override
    protected String catalogName(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** A nested-loop join of a few billion pairs: seconds on fakesnow's DuckDB and on a small Snowflake warehouse. */
    @Override
    protected String slowSelect() {
        return "select count(*) as n from (select seq4() as x from table(generator(rowcount => 40000))) a,"
            + " (select seq4() as y from table(generator(rowcount => 40000))) b where a.x + b.y = 3";
    }

    @Override
    protected String varcharName() {
        return "varchar";
    }

    @Override
    protected String missingTableMessage() {
        return server.fake() ? "Table with name NO_SUCH_TABLE does not exist"
            : "Object '\"RAW\".\"NO_SUCH_TABLE\"' does not exist or not authorized.";
    }

    @Override
    protected String missingTableState() {
        return "42S02";
    }
}
