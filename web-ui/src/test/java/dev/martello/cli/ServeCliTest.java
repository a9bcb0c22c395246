package dev.martello.cli;

import dev.martello.cli.crash.Child;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.jooq.MetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code martello serve} in a child JVM: a broken workspace is reported while a good one runs; a changed
 * workspace.yaml is reloaded; SIGTERM while a run executes lets it finish within the grace period, or cancels and
 * records it after that, never leaving it STARTED. The run is started by automation ({@code slow/s} is
 * {@code onMissing}), so nothing else opens the embedded metadata store while the daemon holds it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ServeCliTest {
    @TempDir
    Path dir;

    private Path slowWorkspace() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("slow"));
        Files.writeString(ws.resolve("workspace.yaml"), """
            name: slow
            marts:
              classes: [dev.martello.cli.fixtures.SlowMarts]
            automation:
              tickInterval: 1s
            """);
        return ws;
    }

    private static void shopWorkspace(Path ws, String core) throws IOException {
        Files.writeString(ws.resolve("workspace.yaml"), """
            name: other
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$%s
            seed:
              class: dev.martello.cli.fixtures.ShopSeed
            """.formatted(core));
    }

    private Child serve(String grace, Path... workspaces) {
        List<String> args = new ArrayList<>(List.of("serve", "--insecure", "--port", "0", "--grace", grace));
        for (Path ws : workspaces) {
            args.add("-w");
            args.add(ws.toString());
        }
        return Child.start(Map.of("MARTELLO_TEST_DIR", dir.toString()), args.toArray(String[]::new));
    }

    private void awaitFile(Child child, String name) throws Exception {
        child.awaitWhileAlive(name + " written", () -> Files.exists(dir.resolve(name)));
    }

    /** The one run of the workspace, read once the daemon is gone. */
    private static Run onlyRun(Path ws, List<Step> steps) {
        try (RunStore store = MetadataStores.h2(ws.resolve("data/metadata"))) {
            List<Run> runs = store.runs(10);
            assertThat(runs).hasSize(1);
            steps.addAll(store.steps(runs.getFirst().id()));
            return runs.getFirst();
        }
    }

    @Test
    void aBrokenWorkspaceIsReportedTheGoodOneRunsAndAFixIsReloadedThenSigtermLetsTheRunFinish() throws Exception {
        Path slow = slowWorkspace();
        Path other = Files.createDirectories(dir.resolve("other"));
        shopWorkspace(other, "BrokenCore");

        try (Child child = serve("60", slow, other)) {
            child.awaitOut(Pattern.compile("^Serving workspace 'slow' \\(.*\\) as node \\S+: 0 schedule\\(s\\), at most 4"
                + " concurrent run\\(s\\)\\.$"));
            String broken = child.awaitErr(Pattern.compile("^Workspace .*other is not running: .*")).group();
            assertThat(broken).contains("Workspace 'other' cannot run:");
            assertThat(child.err()).contains("commerce/order");
            // The good workspace works while the broken one waits: automation starts slow/s.
            awaitFile(child, "entered");

            shopWorkspace(other, "Core");
            child.awaitOut(Pattern.compile("^Reloading .*other \\(workspace.yaml changed\\)…$"));
            child.awaitOut(Pattern.compile("^Serving workspace 'other' \\(.*\\) as node \\S+: 0 schedule"));
            assertThat(child.isAlive()).isTrue();

            child.terminate();
            child.awaitErr(Pattern.compile("^Stopping: no new runs; running runs have 60 s to finish…$"));
            Files.writeString(dir.resolve("release"), "x");
            child.awaitErr(Pattern.compile("^Stopped\\.$"));
            child.awaitExit();
        }
        List<Step> steps = new ArrayList<>();
        Run run = onlyRun(slow, steps);
        assertThat(run.status()).as("finished within the grace period").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.trigger()).isEqualTo("automation");
        assertThat(steps).extracting(Step::status).containsExactly(StepStatus.SUCCEEDED);
    }

    @Test
    void sigtermCancelsAndRecordsARunStillExecutingAfterTheGracePeriod() throws Exception {
        Path slow = slowWorkspace();

        try (Child child = serve("1", slow)) {
            awaitFile(child, "entered");
            child.terminate();
            child.awaitErr(Pattern.compile("^Stopped\\.$"));
            child.awaitExit();
        }
        List<Step> steps = new ArrayList<>();
        Run run = onlyRun(slow, steps);
        assertThat(run.status()).as("canceled, not left STARTED").isEqualTo(RunStatus.CANCELED);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(steps).extracting(Step::status).containsExactly(StepStatus.CANCELED);
    }

    @Test
    void withNoWorkspaceToRunServeStopsWithTheReasons() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        shopWorkspace(other, "BrokenCore");

        try (Child child = serve("1", other)) {
            assertThat(child.awaitExit()).isEqualTo(1);
            assertThat(child.err()).contains("Workspace 'other' cannot run:").contains("No workspace could be started;"
                + " stopping.");
        }
    }
}
