package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunIds;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.TestPostgres;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run a killed process left running is failed when the workspace opens again, and frees its partitions. */
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aRunLeftRunningIsMarkedFailedOnOpenAndItsLocksAreReleased() {
        Shop shop = Shop.plain();
        Workspace workspace = TestWorkspace.of(dir, shop.marts());
        AssetPartition orders = AssetPartition.unpartitioned(AssetKey.parse("shop/orders"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Run stuck = new Run(RunIds.next(now), "test", "shop/orders", List.of(), RunStatus.STARTED, "manual", now, now,
            null, "");
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace)) {
            shop.createSources(runtime.warehouse());
            runtime.store().createRun(stuck);
            runtime.store().upsertStep(new Step(stuck.id(), orders.asset(), "", StepStatus.RUNNING, 1, now, null, null,
                ""));
            runtime.store().tryLockPartitions(stuck.id(), List.of(orders));
        }

        List<String> notices = new ArrayList<>();
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace,
            RuntimeSettings.defaults().withNotices(notices::add))) {
            assertThat(runtime.recoveredRuns()).extracting(Run::id).containsExactly(stuck.id());
            assertThat(notices).containsExactly("Run " + stuck.id() + " was left running; marked FAILED: the process"
                + " running it stopped before the run finished.");
            RunDetails details = runtime.run(stuck.id()).orElseThrow();
            assertThat(details.run()).extracting(Run::status, Run::message)
                .containsExactly(RunStatus.FAILED, WorkspaceRuntime.INTERRUPTED);
            assertThat(details.steps()).extracting(Step::status, Step::failure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepStatus.FAILED, FailureKind.ORCHESTRATOR));

            RunResult next = runtime.materialize("shop/orders", PartitionChoice.latest(), RunOptions.manual(),
                RunListener.NONE);
            assertThat(next.status()).as("the partition is free again").isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void onASharedPostgresStoreOpeningLeavesRunsAloneUntilRecoveryIsAskedFor() {
        TestPostgres.Server metadata = TestPostgres.newSchema();
        try {
            Workspace workspace = TestWorkspace.of(dir, null, new WorkspaceConfig.MetadataConfig(
                WorkspaceConfig.MetadataConfig.Type.POSTGRES, null, metadata.url(), metadata.user(), null), null,
                Shop.plain().marts());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Run live = new Run(RunIds.next(now), "test", "*", List.of(), RunStatus.STARTED, "manual", now, now, null,
                "");
            try (WorkspaceRuntime first = WorkspaceRuntime.open(workspace)) {
                first.store().createRun(live);
                try (WorkspaceRuntime second = WorkspaceRuntime.open(workspace)) {
                    assertThat(second.recoveredRuns()).isEmpty();
                    assertThat(second.run(live.id()).orElseThrow().run().status())
                        .as("another process's run may be live").isEqualTo(RunStatus.STARTED);

                    assertThat(second.recoverInterruptedRuns()).extracting(Run::id).containsExactly(live.id());
                    assertThat(second.run(live.id()).orElseThrow().run().status()).isEqualTo(RunStatus.FAILED);
                }
            }
        } finally {
            TestPostgres.dropSchema(metadata);
        }
    }
}
