package dev.martello.cli.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static dev.martello.cli.crash.CrashWorkspace.RUN_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL finishes a statement a killed client had sent. When that statement is the drop of a replaced version,
 * waiting behind a long reader, it races the next run's leftover cleanup for the same table. Neither may hold the next
 * run up behind the long reader (drops wait at most a second, then leave the version for later), and whichever drop
 * gets there first, the other must not fail.
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
                // The next run does not wait for the long query: it succeeds and leaves the version still read.
                ws.materializeSuccessfully();
                assertThat(catalog.exists(old)).as("the version the long query still reads").isTrue();
                reader.rollback();
            }
            // The query has ended: the run after drops that version too.
            ws.materializeSuccessfully();
            assertThat(catalog.exists(old)).isFalse();
            catalog.assertNoOrphans();
        } finally {
            CrashPostgres.dropDatabase(db);
        }
    }
}
