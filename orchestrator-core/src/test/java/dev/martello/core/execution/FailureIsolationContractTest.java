package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A failure stays where it happened, on every backend: the failing step says the warehouse rejected its SQL in the
 * warehouse's own words, its downstream is skipped with the cause, and an independent branch finishes.
 */
abstract class FailureIsolationContractTest {
    @TempDir
    Path dir;

    /** A workspace on this backend, in {@code dir}. */
    abstract Workspace workspace(Path dir, Mart... marts);

    /** Schema names for this test; unique where tests share a server. */
    abstract Shop shop();

    /** The first line of what this warehouse says about {@code select id, no_such_column from …orders}. */
    abstract String unknownColumnMessage();

    @Test
    void aSqlErrorFailsItsStepSkipsItsDownstreamAndLetsIndependentBranchesFinish() {
        Shop shop = shop();
        Mart[] marts = shop.marts("v1", UnaryOperator.identity(), core -> core
            .asset("broken", a -> a.sql("select id, no_such_column from {{ ref('" + shop.shop + "/orders') }}"))
            .asset("broken_report", a -> a.sql("select count(*) as n from {{ ref('broken') }}")));
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(workspace(dir, marts))) {
            shop.createSources(runtime.warehouse());

            RunResult result = runtime.materialize("*", PartitionChoice.latest(), RunOptions.manual(),
                RunListener.NONE);

            String broken = shop.core + "/broken";
            String message = "user code: the asset's SQL was rejected by the warehouse: " + unknownColumnMessage();
            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.run().message()).isEqualTo("4 succeeded, 1 failed, 1 skipped");
            assertThat(result.step(broken)).extracting(StepResult::status, StepResult::failure,
                    s -> s.message().lines().findFirst().orElseThrow())
                .containsExactly(StepStatus.FAILED, FailureKind.USER_CODE, message);
            assertThat(result.step(shop.core + "/broken_report"))
                .extracting(StepResult::status, StepResult::failure, StepResult::message, StepResult::attempts)
                .containsExactly(StepStatus.SKIPPED, FailureKind.UPSTREAM_FAILED, "upstream " + broken + " failed", 0);
            assertThat(result.step(shop.core + "/revenue_by_country").status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(result.step(shop.shop + "/paid_orders").status()).isEqualTo(StepStatus.SUCCEEDED);

            List<Step> stored = runtime.run(result.run().id()).orElseThrow().steps();
            assertThat(stored).extracting(s -> s.asset().toString(), Step::status, Step::failure)
                .contains(tuple(broken, StepStatus.FAILED, FailureKind.USER_CODE),
                    tuple(shop.core + "/broken_report", StepStatus.SKIPPED, FailureKind.UPSTREAM_FAILED));
            List<RunEvent> events = runtime.run(result.run().id()).orElseThrow().events();
            assertThat(events).filteredOn(RunEvent.StepFailed.class::isInstance).singleElement()
                .extracting(e -> ((RunEvent.StepFailed) e).message()).isEqualTo(result.step(broken).message());
            assertThat(events).filteredOn(RunEvent.StepSkipped.class::isInstance).singleElement()
                .extracting(e -> ((RunEvent.StepSkipped) e).cause()).isEqualTo("upstream " + broken + " failed");
            assertThat(events).filteredOn(e -> e instanceof RunEvent.Log l && l.message().startsWith(
                "the failed statement: ")).hasSize(1);
        }
    }
}
