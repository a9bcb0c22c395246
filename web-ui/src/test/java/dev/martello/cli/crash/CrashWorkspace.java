package dev.martello.cli.crash;

import dev.martello.core.execution.RunDetails;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.WorkspaceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace in a temp folder whose {@code workspace.yaml} names the crash marts and seed (on the test classpath)
 * and a warehouse; the metadata store is the default H2 file in its data directory. Runs {@code martello} on it in
 * child JVMs and checks what a killed child left in the metadata store.
 */
final class CrashWorkspace {
    static final String PASSWORD_ENV = "MARTELLO_CRASH_PG_PASSWORD";
    /** The first line of a run, naming it: printed once the run and its pending steps are in the store. */
    static final Pattern RUN_STARTED = Pattern.compile("^Run (r[0-9a-z]+): 5 step\\(s\\) for '\\*'$");
    static final Pattern RUN_SUCCEEDED = Pattern.compile(
        "(?m)^Run r[0-9a-z]+ SUCCEEDED in \\S+: 5 succeeded, 0 failed, 0 skipped, 0 canceled\\.$");

    private final Path dir;
    private final Map<String, String> env;

    private CrashWorkspace(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    /** {@code warehouseYaml}: the {@code warehouse:} section, or empty for the embedded DuckDB default. */
    /** The shop on a PostgreSQL warehouse, its password passed to the children through {@link #PASSWORD_ENV}. */
    static CrashWorkspace onPostgres(Path dir, CrashPostgres.Server db) {
        return write(dir, "PostgresShop", """
            warehouse:
              type: postgres
              url: %s
              user: %s
              passwordEnv: %s
            """.formatted(db.url(), db.user(), PASSWORD_ENV), Map.of(PASSWORD_ENV, db.password()));
    }

    static CrashWorkspace write(Path dir, String shopMart, String warehouseYaml, Map<String, String> env) {
        try {
            Files.writeString(dir.resolve("workspace.yaml"), """
                name: crash
                marts:
                  classes:
                    - dev.martello.cli.crash.CrashMarts$%s
                    - dev.martello.cli.crash.CrashMarts$Core
                seed:
                  class: dev.martello.cli.crash.CrashSeed
                %s""".formatted(shopMart, warehouseYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrashWorkspace(dir, env);
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** {@code martello materialize -w DIR} in a child JVM: everything, the incremental asset's latest partition. */
    Child materialize() {
        return Child.start(env, "materialize", "-w", dir.toString());
    }

    /** Materializes everything in a child that must succeed; returns its standard error (the runtime's notices). */
    String materializeSuccessfully() {
        try (Child next = materialize()) {
            assertThat(next.awaitExit()).as("exit code\n%s", next.transcript()).isZero();
            assertThat(next.out()).as(next.transcript()).containsPattern(RUN_SUCCEEDED);
            return next.err();
        }
    }

    /**
     * Opens the workspace in this process, as the next process would, after a child has already done so: the store
     * opens, lists its runs, and holds none left running. Returns the runs, newest first.
     */
    List<Run> runs() {
        RuntimeSettings settings = RuntimeSettings.defaults().withSeedSources(false).withEnvironment(env::get);
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(new WorkspaceLoader().load(dir), settings)) {
            assertThat(runtime.recoveredRuns()).as("runs left running after a later process opened the store")
                .isEmpty();
            List<Run> runs = runtime.runs(100);
            assertThat(runs).as("runs in the store").isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED));
            return runs;
        }
    }

    /** The run a killed child left, failed on the next open, with each step it had not finished. */
    RunDetails interrupted(String runId) {
        RuntimeSettings settings = RuntimeSettings.defaults().withSeedSources(false).withEnvironment(env::get);
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(new WorkspaceLoader().load(dir), settings)) {
            RunDetails details = runtime.run(runId).orElseThrow(() -> new AssertionError("no run " + runId));
            assertThat(details.run().status()).as("status of the killed run").isEqualTo(RunStatus.FAILED);
            assertThat(details.run().message()).isEqualTo(WorkspaceRuntime.INTERRUPTED)
                .isEqualTo("the process running it stopped before the run finished");
            assertThat(details.run().finishedAt()).isNotNull();
            assertThat(details.steps()).as("steps of the killed run").isNotEmpty().allSatisfy(s -> {
                assertThat(s.status()).isIn(StepStatus.SUCCEEDED, StepStatus.FAILED);
                if (s.status() == StepStatus.FAILED) {
                    assertThat(s.failure()).isEqualTo(FailureKind.ORCHESTRATOR);
                    assertThat(s.message()).isEqualTo(WorkspaceRuntime.INTERRUPTED);
                }
            });
            return details;
        }
    }

    /** The notice a process prints when it fails a run a killed one left running. */
    static String recoveryNotice(String runId) {
        return "Run " + runId + " was left running; marked FAILED: the process running it stopped before the run"
            + " finished.";
    }

    static StepStatus stepStatus(RunDetails details, String asset) {
        return details.steps().stream().filter(s -> s.asset().toString().equals(asset)).map(Step::status)
            .findFirst().orElseThrow(() -> new AssertionError("no step for " + asset + " in " + details.steps()));
    }
}
