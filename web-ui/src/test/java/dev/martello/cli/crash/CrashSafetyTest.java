package dev.martello.cli.crash;

import dev.martello.core.execution.RunDetails;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.StepStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.martello.cli.crash.CrashWorkspace.RUN_STARTED;
import static dev.martello.cli.crash.CrashWorkspace.recoveryNotice;
import static dev.martello.cli.crash.CrashWorkspace.stepStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM running {@code martello materialize} is killed with SIGKILL at several points of a run. Throughout, a
 * reader in this process sees every published asset exactly as the last successful run published it; afterwards the
 * metadata store opens, the killed run is failed (never left running) by the next process, and the next run
 * succeeds and leaves no version or staging table but those the published views read.
 */
class CrashSafetyTest {
    private static final Pattern SEEDING = Pattern.compile("^" + Pattern.quote(
        "Seeding the sources of workspace 'crash' with dev.martello.cli.crash.CrashSeed (scale 1.0)…") + "$");
    private static final Pattern ORDERS_DONE = Pattern.compile("^  ok   shop/orders ");
    private static final List<Long> ROWS = List.of(3000L, 97L, 97L, 80L, 97L);

    @TempDir
    Path dir;

    @Test
    void onPostgresReadersKeepThePublishedVersionsWhileRunsAreKilledAtEveryStage() throws Exception {
        CrashPostgres.Server db = CrashPostgres.newDatabase();
        try (Connection monitor = db.connect()) {
            CrashWorkspace ws = CrashWorkspace.onPostgres(dir, db);
            PostgresCatalog catalog = new PostgresCatalog(monitor);

            // 1. The first process ever, killed while it seeds the sources (it has just created the metadata store).
            try (Child first = ws.materialize()) {
                first.awaitErr(SEEDING);
                first.kill();
            }
            long launched = System.nanoTime();
            ws.materializeSuccessfully();
            long runMillis = (System.nanoTime() - launched) / 1_000_000;
            Map<String, Snapshot> published = Snapshot.of(monitor, CrashMarts.PUBLISHED);
            assertThat(published.values()).extracting(Snapshot::rows).containsExactlyElementsOf(ROWS);
            catalog.assertNoOrphans();

            try (PublishedReader reader = PublishedReader.start(db.connect(), published)) {
                // 2. Right after the run was created, its first steps starting.
                String created;
                try (Child child = ws.materialize()) {
                    created = child.awaitOut(RUN_STARTED).group(1);
                    reader.awaitRead();
                    child.kill();
                }
                assertThat(ws.materializeSuccessfully()).contains(recoveryNotice(created));
                ws.interrupted(created);
                catalog.assertNoOrphans();

                // 3. In the middle of the slow asset's statement, which the server is seen running.
                String midStatement;
                try (Child child = ws.materialize()) {
                    midStatement = child.awaitOut(RUN_STARTED).group(1);
                    child.awaitWhileAlive("the slow statement runs",
                        () -> !catalog.active("generate_series").isEmpty());
                    reader.awaitRead();
                    child.kill();
                }
                // 4. Shortly after launch, while the process opens the workspace (and would fail the run 3 left).
                try (Child child = ws.materialize()) {
                    Child.pause(runMillis / 4);
                    child.kill();
                }
                ws.materializeSuccessfully();
                RunDetails killedMidStatement = ws.interrupted(midStatement);
                assertThat(stepStatus(killedMidStatement, "shop/orders")).isEqualTo(StepStatus.SUCCEEDED);
                assertThat(stepStatus(killedMidStatement, "shop/customer_totals")).isEqualTo(StepStatus.FAILED);
                catalog.assertNoOrphans();

                // 5. After a publish, before the version it replaced is dropped: a reader here holds that version
                //    (as a long query would), so the drop waits and the kill lands between the two.
                String replacing;
                String old = catalog.publishedVersion("shop.customer_totals");
                try (Connection holder = db.connect()) {
                    holder.setAutoCommit(false);
                    try (Statement st = holder.createStatement()) {
                        st.execute("lock table " + old + " in access share mode");
                    }
                    try (Child child = ws.materialize()) {
                        replacing = child.awaitOut(RUN_STARTED).group(1);
                        child.awaitWhileAlive("the run drops the version it replaced",
                            () -> !catalog.waitingForLock("drop table").isEmpty());
                        reader.awaitRead();
                        child.kill();
                    }
                    assertThat(catalog.publishedVersion("shop.customer_totals")).as("published before the kill")
                        .isNotEqualTo(old);
                    // The server still runs a statement a dead client sent; a lost connection (say, the client's host
                    // crashed) ends it. End it, so the replaced version stays behind for the next run to clean up.
                    for (int pid : catalog.waitingForLock("drop table")) {
                        catalog.terminate(pid);
                    }
                    holder.rollback();
                }
                assertThat(catalog.exists(old)).as("%s left behind\n%s", old, catalog.describe()).isTrue();
                assertThat(ws.materializeSuccessfully()).contains(recoveryNotice(replacing));
                assertThat(stepStatus(ws.interrupted(replacing), "shop/customer_totals")).isEqualTo(StepStatus.FAILED);
                catalog.assertNoOrphans();

                assertThat(ws.runs()).extracting(Run::id).contains(created, midStatement, replacing);
                System.out.println("=== reader: " + reader.reads() + " reads as published, problems: "
                    + reader.problems());
                assertThat(reader.problems()).as("what the reader saw go wrong").isEmpty();
            }
        } finally {
            CrashPostgres.dropDatabase(db);
        }
    }

    @Test
    void onDuckDbAKillMidStatementKeepsThePublishedVersionAndLeavesNothingBehind() throws Exception {
        CrashWorkspace ws = CrashWorkspace.write(dir, "DuckDbShop", "", Map.of());
        ws.materializeSuccessfully();
        Map<String, Snapshot> published = snapshots(ws);
        assertThat(published.values()).extracting(Snapshot::rows).containsExactlyElementsOf(ROWS);
        assertThat(duckDb(ws, CrashSafetyTest::relations)).containsExactlyInAnyOrderElementsOf(DUCKDB_RELATIONS);

        String killed;
        try (Child child = ws.materialize()) {
            killed = child.awaitOut(RUN_STARTED).group(1);
            child.awaitOut(ORDERS_DONE);
            Child.pause(300); // into shop/customer_totals, whose statement takes a second or two
            child.kill();
        }
        assertThat(snapshots(ws)).as("published data after the kill")
            .isEqualTo(published);
        assertThat(duckDb(ws, CrashSafetyTest::relations)).as("relations after the kill")
            .containsExactlyInAnyOrderElementsOf(DUCKDB_RELATIONS);

        assertThat(ws.materializeSuccessfully()).contains(recoveryNotice(killed));
        assertThat(stepStatus(ws.interrupted(killed), "shop/customer_totals")).as("killed mid-step")
            .isEqualTo(StepStatus.FAILED);
        assertThat(ws.runs()).hasSize(3);
        assertThat(snapshots(ws)).isEqualTo(published);
        assertThat(duckDb(ws, CrashSafetyTest::relations)).containsExactlyInAnyOrderElementsOf(DUCKDB_RELATIONS);
    }

    /** DuckDB publishes by drop and rename in one transaction: the public names are real tables, no versions. */
    private static final List<String> DUCKDB_RELATIONS = List.of("core.customer_view VIEW",
        "core.top_customers BASE TABLE", "raw_shop.orders BASE TABLE", "shop.customer_totals BASE TABLE",
        "shop.orders BASE TABLE", "shop.region_sales BASE TABLE");

    private static List<String> relations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("select table_schema || '.' || table_name || ' ' || table_type"
                 + " from information_schema.tables")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Map<String, Snapshot> snapshots(CrashWorkspace ws) throws SQLException {
        return duckDb(ws, c -> Snapshot.of(c, CrashMarts.PUBLISHED));
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** Opens the workspace's DuckDB file, which one process at a time may open, for one question. */
    private static <T> T duckDb(CrashWorkspace ws, Query<T> query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + ws.dataDir().resolve("warehouse.duckdb"))) {
            return query.run(c);
        }
    }
}
