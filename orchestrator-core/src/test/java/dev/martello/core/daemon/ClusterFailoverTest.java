package dev.martello.core.daemon;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.TestPostgres;
import dev.martello.core.schedule.PeriodicTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster on a real PostgreSQL: node A in a child process, nodes B and C in this JVM with pools of their own. Each
 * periodic tick runs on one node; each run executes on one node; when A is killed with SIGKILL mid-run, its run is
 * requeued and finished by B or C.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ClusterFailoverTest {
    @TempDir
    Path dir;

    @Test
    void ticksFireOnceRunsExecuteOnceAndAKilledNodesRunIsTakenOver() throws Exception {
        TestPostgres.Server pg = TestPostgres.newSchema();
        String password = pg.password() == null ? "" : pg.password();
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: cluster
            marts:
              classes: [dev.martello.core.daemon.SlowMart]
            warehouse: { type: postgres, url: "%s", user: %s, passwordEnv: PG_PASSWORD }
            metadata: { type: postgres, url: "%s", user: %s, passwordEnv: PG_PASSWORD }
            runs: { maxConcurrent: 8, onInterrupted: requeue }
            """.formatted(pg.url(), pg.user(), pg.url(), pg.user()));
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-Dmartello.test.dir=" + dir, "-cp", System.getProperty("java.class.path"), DaemonChild.class.getName(),
            "submit", dir.toString()).redirectError(dir.resolve("a.err").toFile());
        pb.environment().put("PG_PASSWORD", password);
        System.setProperty("martello.test.dir", dir.toString());
        Process nodeA = pb.start();
        try {
            runCluster(nodeA, password);
        } finally {
            nodeA.destroyForcibly();
            TestPostgres.dropSchema(pg);
        }
    }

    private void runCluster(Process nodeA, String password) throws Exception {
        List<Instant> ticks = new CopyOnWriteArrayList<>();
        DaemonSettings settings = DaemonSettings.defaults().withGrace(Duration.ofSeconds(5))
            .withTasks(q -> List.of(PeriodicTask.of("tick", Duration.ofSeconds(1), ticks::add)));
        BufferedReader out = new BufferedReader(new InputStreamReader(nodeA.getInputStream()));
        String submitted = out.readLine();
        while (submitted != null && !submitted.startsWith("SUBMITTED ")) { // log lines and ticks come first
            if (submitted.startsWith("TICK ")) {
                ticks.add(Instant.parse(submitted.substring(5)));
            }
            submitted = out.readLine();
        }
        assertThat(submitted).as("node A's stderr: %s", Files.readString(dir.resolve("a.err")))
            .startsWith("SUBMITTED ");
        Thread drain = new Thread(() -> out.lines().filter(l -> l.startsWith("TICK "))
            .forEach(l -> ticks.add(Instant.parse(l.substring(5)))), "drain-node-a");
        drain.setDaemon(true);
        drain.start();
        String slowRun = submitted.substring("SUBMITTED ".length());
        // Node A is alone until its run is executing, so that run is A's.
        while (!Files.exists(dir.resolve("entered"))) {
            Thread.sleep(20);
        }
        try (out;
             Daemon b = Daemon.start(List.of(dir), settings.withRuntime(RuntimeSettings.defaults()
                 .withEnvironment(n -> password)));
             Daemon c = Daemon.start(List.of(dir), settings.withRuntime(RuntimeSettings.defaults()
                 .withEnvironment(n -> password)))) {
            assertThat(b.broken()).isEmpty();
            var store = b.workspaces().getFirst().runtime().store();
            String nodeOfA = store.run(slowRun).orElseThrow().node();

            List<Run> quick = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                quick.add(b.queue().submit(RunRequest.of("cluster", "slow/q" + i, PartitionChoice.latest(), "manual")));
            }

            nodeA.destroyForcibly(); // SIGKILL, mid-run
            nodeA.waitFor();
            Instant killed = Instant.now();
            Files.writeString(dir.resolve("release"), "x");
            while (store.run(slowRun).orElseThrow().status() != RunStatus.SUCCEEDED) {
                Thread.sleep(100);
            }
            System.out.println("Cluster failover: node A's run finished on another node "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after SIGKILL");
            Run recovered = store.run(slowRun).orElseThrow();
            assertThat(recovered.node()).isIn(b.node(), c.node()).isNotEqualTo(nodeOfA);

            for (Run r : quick) {
                while (!store.run(r.id()).orElseThrow().status().isTerminal()) {
                    Thread.sleep(50);
                }
                Run done = store.run(r.id()).orElseThrow();
                assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(store.steps(r.id())).extracting(Step::attempts).containsExactly(1);
            }
            int before = ticks.size();
            while (ticks.size() < before + 3) {
                Thread.sleep(100);
            }
            Set<Instant> distinct = new HashSet<>(ticks);
            assertThat(distinct).as("each scheduled tick ran on one node only").hasSameSizeAs(ticks);
        }
    }
}
