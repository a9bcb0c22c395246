package dev.martello.cli;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.martello.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code backfill} (dry-run plan, only missing partitions, chunks, progress, cancel) and {@code retry} in-process
 * against a real DuckDB warehouse and H2 metadata store; what they store is read back from the store itself.
 */
class BackfillRetryCliTest {
    private static final Pattern STARTED = Pattern.compile("Started backfill (\\S+);");

    @TempDir
    Path dir;

    private String workspace(String... martClasses) throws IOException {
        StringBuilder classes = new StringBuilder();
        for (String c : martClasses) {
            classes.append("    - dev.martello.cli.fixtures.ShopMarts$").append(c).append('\n');
        }
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: shop
            marts:
              classes:
            %sseed:
              class: dev.martello.cli.fixtures.ShopSeed
            """.formatted(classes));
        return dir.toString();
    }

    private RunStore store() {
        return MetadataStores.h2(dir.resolve("data/metadata"));
    }

    private static String startedId(CliTest.Result r) {
        Matcher m = STARTED.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    @Test
    void aDryRunPrintsThePlanAndStoresNothing() throws IOException {
        String ws = workspace("Days");

        CliTest.Result plan = run("backfill", "days/d", "--from", "2024-01-01", "--to", "2024-01-05", "--chunk", "2",
            "--dry-run", "-w", ws);

        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).isEqualTo("Backfill of 'days/d': 5 partition(s) from 2024-01-01 to 2024-01-05; 3 run(s)"
            + " of at most 2 partition(s); 5 step(s).\n");
        try (RunStore store = store()) {
            assertThat(store.runs(10)).isEmpty();
        }
        assertThat(run("runs", "-w", ws).out().lines().skip(1)).isEmpty();
    }

    @Test
    void onlyMissingPartitionsAreBackfilledInChunksAndProgressIsShown() throws IOException {
        String ws = workspace("Days");
        CliTest.Result done = run("materialize", "-s", "days/d", "--partition", "2024-01-02", "-w", ws);
        assertThat(done.exit()).as(done.err()).isZero();

        CliTest.Result plan = run("backfill", "days/d", "--from", "2024-01-01", "--to", "2024-01-05", "--chunk", "2",
            "--missing", "--dry-run", "-w", ws);
        assertThat(plan.out()).isEqualTo("Backfill of 'days/d': 4 partition(s) from 2024-01-01 to 2024-01-05, 1 already"
            + " there left out; 2 run(s) of at most 2 partition(s); 4 step(s).\n");

        CliTest.Result started = run("backfill", "days/d", "--from", "2024-01-01", "--to", "2024-01-05", "--chunk", "2",
            "--missing", "-w", ws);
        assertThat(started.exit()).as(started.err()).isZero();
        String id = startedId(started);
        assertThat(started.out()).endsWith("Started backfill " + id + "; 'martello serve' launches its runs. Progress:"
            + " martello backfill --progress " + id + "\n");

        CliTest.Result progress = run("backfill", "--progress", id, "-w", ws);
        assertThat(progress.out()).startsWith("Backfill " + id + " (").contains("0 of 2 chunk(s) queued");
        try (RunStore store = store()) {
            assertThat(store.runsByTrigger("backfill:" + id)).as("serve launches the chunks, not the command")
                .isEmpty();
        }
    }

    @Test
    void cancelStopsABackfillBeforeItLaunchesAnything() throws IOException {
        String ws = workspace("Days");
        String id = startedId(run("backfill", "days/d", "--from", "2024-01-01", "--to", "2024-01-03", "--chunk", "1",
            "-w", ws));

        CliTest.Result cancel = run("backfill", "--cancel", id, "-w", ws);

        assertThat(cancel.exit()).as(cancel.err()).isZero();
        assertThat(cancel.out()).isEqualTo("Backfill " + id + " canceled: nothing more is launched and its queued runs"
            + " are canceled.\n");
        assertThat(run("backfill", "--progress", id, "-w", ws).out()).startsWith("Backfill " + id + " (CANCELED): 0"
            + " of 3 chunk(s) queued");
        try (RunStore store = store()) {
            assertThat(store.runsByTrigger("backfill:" + id)).isEmpty();
        }
    }

    @Test
    void aBackfillWithoutItsRangeIsAUsageError() throws IOException {
        CliTest.Result r = run("backfill", "days/d", "--from", "2024-01-01", "-w", workspace("Days"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("A backfill needs SELECTION, --from and --to (or --progress ID / --cancel ID).");
    }

    @Test
    void retryQueuesOnlyTheFailedAndSkippedStepsOfARun() throws IOException {
        String ws = workspace("Commerce", "FailingCore");
        CliTest.Result failed = run("materialize", "-w", ws);
        assertThat(failed.exit()).isEqualTo(1);
        String runId;
        try (RunStore store = store()) {
            Run run = store.runs(1).getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            runId = run.id();
            assertThat(store.steps(runId)).extracting(s -> s.asset().toString(), Step::status)
                .containsExactlyInAnyOrder(tuple("commerce/orders", StepStatus.SUCCEEDED),
                    tuple("core/order_count", StepStatus.SUCCEEDED), tuple("core/gmv_daily", StepStatus.FAILED),
                    tuple("core/gmv_report", StepStatus.SKIPPED));
        }

        CliTest.Result retry = run("retry", runId, "-w", ws);

        assertThat(retry.exit()).as(retry.err()).isZero();
        Matcher m = Pattern.compile("^Queued (\\S+) \\(attempt 2\\): 2 step\\(s\\) of run " + runId + "\\.\n$")
            .matcher(retry.out());
        assertThat(m.find()).as(retry.out()).isTrue();
        try (RunStore store = store()) {
            Run queued = store.run(m.group(1)).orElseThrow();
            assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
            assertThat(queued.trigger()).isEqualTo("retry:" + runId);
            assertThat(queued.retryOf()).isEqualTo(runId);
            assertThat(store.steps(queued.id())).extracting(s -> s.asset().toString(), Step::status)
                .containsExactlyInAnyOrder(tuple("core/gmv_daily", StepStatus.PENDING),
                    tuple("core/gmv_report", StepStatus.PENDING));
        }
    }

    @Test
    void retryRefusesARunThatSucceededOrDoesNotExist() throws IOException {
        String ws = workspace("Commerce", "Core");
        assertThat(run("materialize", "-w", ws).exit()).isZero();
        String runId;
        try (RunStore store = store()) {
            runId = store.runs(1).getFirst().id();
        }

        CliTest.Result succeeded = run("retry", runId, "-w", ws);
        assertThat(succeeded.exit()).isNotZero();
        assertThat(succeeded.err()).contains("Run " + runId + " is SUCCEEDED; only a FAILED or CANCELED run can be"
            + " retried.");
        CliTest.Result unknown = run("retry", "rnosuchrun", "-w", ws);
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("No run 'rnosuchrun' in workspace 'shop'; 'martello runs' lists them.");
        try (RunStore store = store()) {
            assertThat(store.runs(10)).hasSize(1);
        }
    }
}
