package dev.martello.cli.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static dev.martello.cli.crash.CrashWorkspace.RUN_STARTED;
import static dev.martello.cli.crash.CrashWorkspace.RUN_SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL finishes a statement a killed client had sent. When that statement is the drop of a replaced version,
 * waiting behind a long reader, the next run's leftover cleanup queues to drop the same table and must not fail when
 * the dead client's drop gets there first.
 */
class DeadClientStatementTest {
    @TempDir
    Path dir;

    @Test
    void theNextRunSucceedsWhileAKilledRunsDropOfTheReplacedVersionIsStillPending() throws Exception {
        CrashPostgres.Server db = CrashPostgres.newDatabase();
        try (Connection monitor = db.connect()) {
            CrashWorkspace ws = CrashWorkspace.onPostgres(dir, db);
            PostgresCatalog catalog = new PostgresCatalog(monitor);
            ws.materializeSuccessfully();
            String old = catalog.publishedVersion("shop.customer_totals");
            try (Connection reader = db.connect()) {
                reader.setAutoCommit(false);
                try (Statement st = reader.createStatement()) {
                    st.execute("lock table " + old + " in access share mode"); // a long query on the old version
                }
                try (Child killed = ws.materialize()) {
                    killed.awaitOut(RUN_STARTED);
                    killed.awaitWhileAlive("the run drops the version it replaced",
                        () -> !catalog.waitingForLock("drop table").isEmpty());
                    killed.kill();
                }
                try (Child next = ws.materialize()) {
                    next.awaitWhileAlive("the next run's cleanup queues behind the dead client's drop",
                        () -> catalog.waitingForLock("drop table").size() == 2);
                    reader.rollback(); // the long query ends: the dead client's drop goes first
                    assertThat(next.awaitExit()).as(next.transcript()).isZero();
                    assertThat(next.out()).containsPattern(RUN_SUCCEEDED);
                }
            }
            catalog.assertNoOrphans();
        } finally {
            CrashPostgres.dropDatabase(db);
        }
    }
}
