package dev.martello.bench;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.warehouse.MaterializationRequest;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Compute;
import dev.martello.dsl.PartitionWindow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The floor for the demo workspace: each step's rendered SQL run directly over one DuckDB connection, in plan order,
 * without checks, contracts, probes, versions or metadata. A table is {@code create or replace table … as}, a view
 * {@code create or replace view … as}, an incremental partition {@code delete} of its window then
 * {@code insert … by name} in one transaction. The demo's two Java-computed assets have no SQL to run: they go
 * through the warehouse's own {@link Warehouse#materialize} (their code, plus the engine's table publish).
 */
final class DemoFloor {
    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DemoFloor() {
    }

    /** Runs the plan's steps; the published tables must exist (a first engine run created them). */
    static void run(Warehouse warehouse, Plan plan, String runId) {
        run(warehouse, plan, runId, false);
    }

    /**
     * @param checks also run each declared check after its step, one query per check as {@code dbt build} runs its
     *               tests (on the partition's rows for an incremental asset); failures are counted, not enforced
     */
    static void run(Warehouse warehouse, Plan plan, String runId, boolean checks) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (PlannedStep step : plan.steps()) {
                Asset asset = step.asset();
                if (!(asset.compute() instanceof Compute.Sql sql)) {
                    warehouse.materialize(MaterializationRequest.of(asset, runId).forPartition(step.partition()));
                    continue;
                }
                String select = warehouse.render(sql.template(), asset.key(), step.partition());
                String name = table(step);
                switch (asset.materialization()) {
                    case TABLE -> st.execute("create or replace table " + name + " as " + select);
                    case VIEW -> st.execute("create or replace view " + name + " as " + select);
                    case INCREMENTAL -> {
                        c.setAutoCommit(false);
                        st.execute("delete from " + name + " where " + inPartition(asset, step.partition()));
                        st.execute("insert into " + name + " by name " + select);
                        c.commit();
                        c.setAutoCommit(true);
                    }
                }
                if (checks) {
                    String relation = asset.materialization() == dev.martello.dsl.MaterializationKind.INCREMENTAL
                        ? "(select * from " + name + " where " + inPartition(asset, step.partition()) + ")" : name;
                    for (String q : FloorChecks.queries(warehouse, asset, relation, step.partition())) {
                        try (ResultSet rs = st.executeQuery(q)) {
                            rs.next();
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the demo's direct SQL failed: " + e.getMessage(), e);
        }
    }

    /** The rows of every table the plan builds (views are left out: counting one would run it). */
    static Map<String, Long> rowCounts(Warehouse warehouse, Plan plan) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = warehouse.connect(); Statement st = c.createStatement()) {
            for (PlannedStep step : plan.steps()) {
                if (step.asset().materialization() == dev.martello.dsl.MaterializationKind.VIEW) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*) from " + table(step))) {
                    rs.next();
                    out.put(step.label(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the demo's rows failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static String table(PlannedStep step) {
        return DirectSql.quoted(step.asset().key().schema()) + "." + DirectSql.quoted(step.asset().key().table());
    }

    private static String inPartition(Asset asset, PartitionWindow p) {
        String column = DirectSql.quoted(asset.partitionColumn());
        return p.start() == null ? column + " = '" + p.key().replace("'", "''") + "'"
            : column + " >= TIMESTAMP '" + TIMESTAMP.format(p.start()) + "' and " + column + " < TIMESTAMP '"
                + TIMESTAMP.format(p.end()) + "'";
    }
}
