package dev.martello.marts.demodata;

import dev.martello.core.execution.RunListener;
import dev.martello.core.execution.RunOptions;
import dev.martello.core.execution.RunResult;
import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.runs.TestPostgres;
import dev.martello.core.staleness.Staleness;
import dev.martello.core.workspace.WorkspaceLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole demo through the real engine on the two warehouses other than the embedded DuckDB default (which the
 * README's main job and {@code .ci/run} materialize): every asset succeeds, and a second run leaves every published
 * table with exactly the same rows.
 */
class DemoOnEveryWarehouseTest {
    private static final String PASSWORD_ENV = "MARTELLO_DEMO_PG_PASSWORD";

    enum Backend { H2, POSTGRES }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theWholeDemoMaterializesAndASecondRunChangesNoRow(Backend backend, @TempDir Path dir) throws Exception {
        TestPostgres.Server pg = backend == Backend.POSTGRES ? TestPostgres.newDatabase() : null;
        try {
            Files.writeString(dir.resolve("workspace.yaml"), """
                name: demo-%s
                marts: {}
                seed:
                  class: dev.martello.marts.demodata.DemoData
                  scale: 0.01
                %s""".formatted(backend.name().toLowerCase(), warehouse(backend, pg)));
            RuntimeSettings settings = RuntimeSettings.defaults().withNotices(n -> { })
                .withEnvironment(name -> name.equals(PASSWORD_ENV) && pg != null ? pg.password() : System.getenv(name));

            try (WorkspaceRuntime runtime = WorkspaceRuntime.open(new WorkspaceLoader().load(dir), settings)) {
                List<String> tables = runtime.workspace().graph().assets().stream()
                    .map(a -> a.key().schema() + "." + a.key().table()).toList();
                assertThat(tables).hasSize(31);

                RunResult first = materializeAll(runtime);
                assertThat(first.steps()).as(first.toString()).hasSize(31)
                    .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.SUCCEEDED));
                Map<String, String> before = checksums(runtime, tables);
                assertThat(before.values()).as("row counts").noneMatch(c -> c.startsWith("0 rows")
                    && !c.contains("undeclared"));

                RunResult second = materializeAll(runtime);
                assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(checksums(runtime, tables)).isEqualTo(before);
                assertThat(runtime.status("*")).allSatisfy(s ->
                    assertThat(s.staleness()).as(s.asset().toString()).isInstanceOf(Staleness.UpToDate.class));
            }
        } finally {
            if (pg != null) {
                TestPostgres.dropDatabase(pg);
            }
        }
    }

    private static RunResult materializeAll(WorkspaceRuntime runtime) {
        return runtime.materialize("*", PartitionChoice.latest(), RunOptions.manual(), RunListener.NONE);
    }

    private static Map<String, String> checksums(WorkspaceRuntime runtime, List<String> tables) throws Exception {
        try (Connection db = runtime.warehouse().connect()) {
            return TableChecksums.of(db, tables);
        }
    }

    private static String warehouse(Backend backend, TestPostgres.Server pg) {
        return switch (backend) {
            case H2 -> "warehouse: {type: h2}\n";
            case POSTGRES -> """
                warehouse:
                  type: postgres
                  url: %s
                  user: %s
                  passwordEnv: %s
                """.formatted(pg.url(), pg.user(), PASSWORD_ENV);
        };
    }
}
