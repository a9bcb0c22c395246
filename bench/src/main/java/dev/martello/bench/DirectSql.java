package dev.martello.bench;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Compute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floor for materializing a plan of SQL table assets: the SQL the engine renders for each step, issued over one
 * connection in one loop in plan order, with no metadata, probes, pool or threads.
 *
 * <ul>
 *   <li>{@link Mode#PUBLISH} issues the statements the engine's DuckDB table publish issues: in one transaction,
 *   {@code create table <aside> as <select>}, {@code select count(*)} of it, drop the published table, rename the
 *   aside table to the published name.</li>
 *   <li>{@link Mode#BARE} is the least a script could do: {@code create or replace table <name> as <select>}.</li>
 * </ul>
 */
final class DirectSql {
    enum Mode { PUBLISH, BARE }

    private DirectSql() {
    }

    /** Runs every step of {@code plan}; the published tables must exist (a first engine run created them). */
    static void run(Warehouse warehouse, Plan plan, Mode mode) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (PlannedStep step : plan.steps()) {
                Asset asset = step.asset();
                if (!(asset.compute() instanceof Compute.Sql sql)) {
                    throw new IllegalArgumentException("the floor runs SQL assets only, not " + asset.key());
                }
                String select = warehouse.render(sql.template(), asset.key(), step.partition());
                String table = quoted(asset.key().schema()) + "." + quoted(asset.key().table());
                if (mode == Mode.BARE) {
                    st.execute("create or replace table " + table + " as " + select);
                    continue;
                }
                String aside = quoted(asset.key().schema()) + "." + quoted(asset.key().table() + "__floor");
                c.setAutoCommit(false);
                st.execute("create table " + aside + " as " + select);
                try (ResultSet rs = st.executeQuery("select count(*) from " + aside)) {
                    rs.next();
                }
                st.execute("drop table if exists " + table);
                st.execute("alter table " + aside + " rename to " + quoted(asset.key().table()));
                c.commit();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the direct SQL loop failed: " + e.getMessage(), e);
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
