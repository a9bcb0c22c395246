package dev.martello.core.daemon;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declarative automation wired into the daemon: after a manual run of {@code chain/a}, the automation tick requests
 * its eager downstream, and the chain {@code a → b → c} completes with no one pressing a button, each level run once.
 */
class AutomationInDaemonTest {
    @TempDir
    Path dir;

    @Test
    void anEagerChainFollowsAManualRunOfItsRoot() throws Exception {
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: chain
            marts:
              classes: [dev.martello.core.daemon.EagerChainMarts]
            automation:
              tickInterval: 1s
            """);
        try (Daemon daemon = Daemon.start(List.of(dir), DaemonSettings.defaults().withTasks(AutomationTasks::of))) {
            assertThat(daemon.broken()).isEmpty();
            HostedWorkspace ws = daemon.workspace("chain").orElseThrow();
            // The first tick sees b and c waiting on a, which is missing: nothing to run yet.
            daemon.queue().submit(RunRequest.of("chain", "chain/a", PartitionChoice.latest(), "manual"));

            await("chain/c materialized", () -> ws.runtime().store().latestState(AssetKey.parse("chain/c"), "")
                .isPresent());
            // The materialization is recorded before its run finishes.
            await("every run finished", () -> ws.runtime().runs(20).stream().allMatch(r -> r.status().isTerminal()));

            List<Run> runs = ws.runtime().runs(20);
            assertThat(runs).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
            assertThat(runs.stream().map(r -> r.trigger() + " " + r.selection()).toList())
                .as("b and c are requested at one tick, as one run").containsExactlyInAnyOrder("manual chain/a",
                    "automation chain/b or chain/c");
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
