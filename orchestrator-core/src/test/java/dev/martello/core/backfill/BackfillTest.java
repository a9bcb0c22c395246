package dev.martello.core.backfill;

import dev.martello.core.backfill.jooq.JooqBackfillStore;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.queue.Probe;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.workspace.RunsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backfills of a daily asset on the embedded default: chunking, only-missing, resume after a restart, cancel. */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class BackfillTest {
    @TempDir
    Path dir;
    final Probe probe = new Probe();

    WorkspaceRuntime open() {
        return WorkspaceRuntime.open(Probe.workspace(dir, null, new RunsConfig(2, null, null), Map.of(), List.of(),
            probe.marts(1, 0)), RuntimeSettings.defaults());
    }

    static BackfillRequest tenDays(boolean onlyMissing) {
        return new BackfillRequest("probe", "days/d", "2024-01-01", "2024-01-10", 3, onlyMissing, 0);
    }

    static void awaitDone(Backfills backfills, String id) throws InterruptedException {
        while (!backfills.progress(id).isDone()) {
            Thread.sleep(50);
        }
    }

    @Test
    void tenPartitionsInChunksOfThreeAreFourRunsAndARerunOfOnlyMissingHasNothingToDo() throws Exception {
        try (WorkspaceRuntime runtime = open(); WorkspaceQueue queue = new WorkspaceQueue(runtime).start()) {
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            BackfillPlan dry = backfills.plan(tenDays(false));
            assertThat(dry.partitions()).hasSize(10).startsWith("2024-01-01").endsWith("2024-01-10");
            assertThat(dry.chunks()).isEqualTo(4);
            assertThat(runtime.store().runs(10)).as("a plan queues nothing").isEmpty();

            Backfill b = backfills.start(tenDays(false));
            assertThat(backfills.launch(Instant.now())).isEqualTo(4);
            awaitDone(backfills, b.id());

            List<Run> runs = runtime.store().runsByTrigger("backfill:" + b.id());
            assertThat(runs).extracting(r -> r.partitions().size()).containsExactly(3, 3, 3, 1);
            assertThat(runs).extracting(Run::status).containsOnly(RunStatus.SUCCEEDED);
            assertThat(runs.getLast().partitions()).containsExactly("2024-01-10");
            BackfillProgress progress = backfills.progress(b.id());
            assertThat(progress.backfill().status()).isEqualTo(BackfillStatus.LAUNCHED);
            assertThat(progress.runs()).containsExactly(Map.entry(RunStatus.SUCCEEDED, 4));

            BackfillPlan again = backfills.plan(tenDays(true));
            assertThat(again.partitions()).isEmpty();
            assertThat(again.skipped()).isEqualTo(10);
            assertThat(backfills.plan(new BackfillRequest("probe", "days/d", "2024-01-09", "2024-01-12", 3, true, 0))
                .partitions()).containsExactly("2024-01-11", "2024-01-12");
        }
    }

    @Test
    void aRestartResumesLaunchingWithoutQueuingAChunkTwice() throws Exception {
        String id;
        try (WorkspaceRuntime runtime = open()) {
            WorkspaceQueue queue = new WorkspaceQueue(runtime); // not started: the runs stay queued
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            id = backfills.start(tenDays(false)).id();
            backfills.launch(Instant.now());
            // As if the process died after queuing chunk 1 but before recording it.
            try (Connection c = runtime.store().database().dataSource().getConnection();
                 PreparedStatement st = c.prepareStatement(
                     "update backfill set next_chunk = 1, status = 'LAUNCHING' where id = ?")) {
                st.setString(1, id);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            queue.close();
        }
        try (WorkspaceRuntime runtime = open(); WorkspaceQueue queue = new WorkspaceQueue(runtime).start()) {
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            assertThat(backfills.launch(Instant.now())).as("chunks 1 to 3 were queued before the restart").isZero();
            awaitDone(backfills, id);
            assertThat(runtime.store().runsByTrigger("backfill:" + id)).extracting(Run::status)
                .containsExactly(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
            assertThat(backfills.progress(id).backfill().nextChunk()).isEqualTo(4);
        }
    }

    @Test
    void cancelStopsLaunchingAndCancelsWhatIsQueued() throws Exception {
        try (WorkspaceRuntime runtime = open()) {
            WorkspaceQueue queue = new WorkspaceQueue(runtime); // not started: the runs stay queued
            Backfills backfills = new Backfills(runtime, queue, new JooqBackfillStore(runtime.store().database()));
            Backfill b = backfills.start(new BackfillRequest("probe", "days/d", "2024-01-01", "2024-01-10", 1, false,
                0));
            assertThat(backfills.cancel(b.id())).isTrue();
            assertThat(backfills.launch(Instant.now())).as("a canceled backfill launches nothing").isZero();

            Backfill other = backfills.start(tenDays(false));
            backfills.launch(Instant.now());
            assertThat(backfills.cancel(other.id())).as("it had launched everything already").isFalse();
            assertThat(runtime.store().runsByTrigger("backfill:" + other.id())).extracting(Run::status)
                .containsOnly(RunStatus.CANCELED);
            assertThat(backfills.progress(b.id()).isDone()).isTrue();
            assertThatThrownBy(() -> backfills.plan(new BackfillRequest("probe", "light/a0", "2024-01-01",
                "2024-01-02", 1, false, 0))).hasMessageStartingWith("Selection 'light/a0' has no partitioned asset");
            queue.close();
        }
    }
}
