package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.SourceSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sources are seeded through the workspace's seed class on first use, and only then. */
class SeedTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        TestSeed.SEEDINGS.clear();
    }

    Workspace workspace(String seedClass) {
        return TestWorkspace.of(dir, null, null, new WorkspaceConfig.SeedConfig(seedClass, 0.5),
            Shop.plain().marts());
    }

    @Test
    void theSourcesAreSeededOnFirstOpenOnly() {
        List<String> notices = new ArrayList<>();
        RuntimeSettings settings = RuntimeSettings.defaults().withClock(CLOCK).withNotices(notices::add);
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace(TestSeed.class.getName()), settings)) {
            assertThat(runtime.materialize("*", PartitionChoice.latest(), RunOptions.manual(), RunListener.NONE)
                .status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace(TestSeed.class.getName()), settings)) {
            assertThat(runtime.status("shop/orders").getFirst().staleness().describe()).isEqualTo("UP-TO-DATE");
        }

        assertThat(TestSeed.SEEDINGS).containsExactly(
            new SourceSeed.Options(0.5, LocalDate.of(2025, 3, 9), SourceSeeder.RANDOM_SEED));
        assertThat(notices).containsExactly("Seeding the sources of workspace 'test' with "
            + TestSeed.class.getName() + " (scale 0.5)…");
    }

    @Test
    void anUnknownSeedClassIsReportedWithTheClasspath() {
        assertThatThrownBy(() -> WorkspaceRuntime.open(workspace("com.example.NoSuchSeed")))
            .hasMessage("Seed class 'com.example.NoSuchSeed' of workspace 'test' is not on its classpath []; build the"
                + " marts (mvn -q package -DskipTests) or fix seed.class.");
    }
}
