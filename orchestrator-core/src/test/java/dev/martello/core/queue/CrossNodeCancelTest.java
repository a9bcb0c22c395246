package dev.martello.core.queue;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.TestPostgres;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of one workspace on a real PostgreSQL metadata store: a cancel asked on node B for a run node A executes
 * stops it on A (A polls the request with its queue, every {@link WorkspaceQueue#POLL}) and A records it CANCELED.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class CrossNodeCancelTest {
    @TempDir
    Path dir;
    final CountDownLatch entered = new CountDownLatch(1);
    volatile boolean released;

    /** {@code w/wait} runs until released, asking the warehouse something meanwhile (none starts once canceled). */
    Mart mart() {
        return Mart.application("w").owner("team:t")
            .asset("wait", a -> a.compute(ctx -> {
                entered.countDown();
                while (!released) {
                    ctx.execute("drop table if exists wait_probe");
                    Thread.sleep(20);
                }
                ctx.execute("create table " + ctx.target() + " as select 1 as x");
            }))
            .build();
    }

    WorkspaceRuntime node(TestPostgres.Server pg, String name) throws Exception {
        Path nodeDir = Files.createDirectories(dir.resolve(name)); // a warehouse file of its own
        WorkspaceConfig.MetadataConfig metadata = new WorkspaceConfig.MetadataConfig(
            WorkspaceConfig.MetadataConfig.Type.POSTGRES, null, pg.url(), pg.user(), "PG_PASSWORD");
        return WorkspaceRuntime.open(Probe.workspace(nodeDir, metadata, RunsConfig.DEFAULTS, Map.of(), List.of(),
            mart()), RuntimeSettings.defaults().withNode(name).withEnvironment(n -> pg.password()));
    }

    @Test
    void aCancelAskedOnAnotherNodeStopsTheRunWhereItExecutes() throws Exception {
        TestPostgres.Server pg = TestPostgres.newSchema();
        try (WorkspaceRuntime a = node(pg, "node-a");
             WorkspaceRuntime b = node(pg, "node-b");
             WorkspaceQueue queueA = new WorkspaceQueue(a).start();
             WorkspaceQueue queueB = new WorkspaceQueue(b)) { // B launches nothing: the run is A's
            Run run = queueA.submit(RunRequest.of("probe", "w/wait", PartitionChoice.latest(), "manual"));
            assertThat(entered.await(1, TimeUnit.MINUTES)).as("the run is executing").isTrue();
            assertThat(b.store().run(run.id())).map(Run::node).contains("node-a");

            assertThat(queueB.cancel(run.id())).as("B asks A").isTrue();

            Run done = await(b, run);
            assertThat(done.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(done.node()).isEqualTo("node-a");
            assertThat(b.store().steps(run.id())).extracting(Step::status).containsExactly(StepStatus.CANCELED);
            assertThat(queueB.cancel(run.id())).as("a finished run").isFalse();
        } finally {
            released = true;
            TestPostgres.dropSchema(pg);
        }
    }

    static Run await(WorkspaceRuntime runtime, Run run) throws InterruptedException {
        while (true) {
            Run now = runtime.store().run(run.id()).orElseThrow();
            if (now.status().isTerminal()) {
                return now;
            }
            Thread.sleep(20);
        }
    }
}
