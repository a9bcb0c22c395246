package dev.martello.core.execution;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A small graph on the embedded default (DuckDB warehouse, H2 metadata): runs, reruns, records and staleness. */
class MaterializeTest {
    @TempDir
    Path dir;
    WorkspaceRuntime runtime;
    final Shop shop = Shop.plain();

    @BeforeEach
    void open() {
        runtime = WorkspaceRuntime.open(TestWorkspace.of(dir, shop.marts()));
        shop.createSources(runtime.warehouse());
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    RunResult materialize(String selection) {
        return runtime.materialize(selection, PartitionChoice.latest(), RunOptions.manual(), RunListener.NONE);
    }

    @Test
    void materializesEveryAssetInDependencyOrder() {
        RunResult result = materialize("*");

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.run().message()).isEqualTo("4 succeeded");
        assertThat(result.steps()).extracting(StepResult::label, StepResult::status, StepResult::attempts)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("shop/orders", StepStatus.SUCCEEDED, 1),
                org.assertj.core.groups.Tuple.tuple("shop/customers", StepStatus.SUCCEEDED, 1),
                org.assertj.core.groups.Tuple.tuple("shop/paid_orders", StepStatus.SUCCEEDED, 1),
                org.assertj.core.groups.Tuple.tuple("core/revenue_by_country", StepStatus.SUCCEEDED, 1));
        assertThat(result.step("shop/orders").rows()).hasValue(5);
        assertThat(result.step("shop/paid_orders").rows()).as("a view has no rows of its own").isEmpty();
        assertThat(TestWorkspace.rows(runtime.warehouse(),
            "select country, orders, revenue from core.revenue_by_country order by country"))
            .containsExactly(List.of("DE", "3", "22.25"), List.of("FR", "2", "21.50"));
        assertThat(TestWorkspace.count(runtime.warehouse(), "select count(*) from shop.paid_orders")).isEqualTo(3);
    }

    @Test
    void aSecondRunLeavesIdenticalTablesAndNoLeftovers() {
        materialize("*");
        List<List<String>> first = checksums();

        RunResult second = materialize("*");

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(checksums()).isEqualTo(first);
        assertThat(TestWorkspace.rows(runtime.warehouse(), "select table_schema || '.' || table_name"
            + " from information_schema.tables where table_schema in ('shop', 'core') order by 1"))
            .as("only the published tables and views, nothing built aside")
            .containsExactly(List.of("core.revenue_by_country"), List.of("shop.customers"), List.of("shop.orders"),
                List.of("shop.paid_orders"));
    }

    private List<List<String>> checksums() {
        return List.of("shop.orders", "shop.customers", "shop.paid_orders", "core.revenue_by_country").stream()
            .map(t -> TestWorkspace.rows(runtime.warehouse(), "select count(*), sum(hash(t)) from " + t + " t")
                .getFirst())
            .toList();
    }

    @Test
    void theRunItsStepsAndItsEventsAreRecorded() {
        RunResult result = materialize("+core/revenue_by_country");
        String id = result.run().id();

        assertThat(runtime.runs(10)).extracting(r -> r.id()).containsExactly(id);
        RunDetails details = runtime.run(id).orElseThrow();
        assertThat(details.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(details.run().selection()).isEqualTo("+core/revenue_by_country");
        assertThat(details.run().trigger()).isEqualTo("manual");
        assertThat(details.steps()).extracting(Step::status).containsOnly(StepStatus.SUCCEEDED).hasSize(3);
        assertThat(details.steps()).allSatisfy(s -> assertThat(s.startedAt()).isNotNull().isBeforeOrEqualTo(
            s.finishedAt()));

        List<RunEvent> events = details.events();
        assertThat(events.getFirst()).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events.getLast()).isEqualTo(new RunEvent.RunFinished(id, details.run().finishedAt(),
            RunStatus.SUCCEEDED, "3 succeeded"));
        assertThat(events).filteredOn(RunEvent.StepStarted.class::isInstance).hasSize(3);
        assertThat(events).filteredOn(RunEvent.CheckEvaluated.class::isInstance).singleElement()
            .satisfies(e -> {
                RunEvent.CheckEvaluated c = (RunEvent.CheckEvaluated) e;
                assertThat(c.checkName()).isEqualTo("unique_id");
                assertThat(c.passed()).isTrue();
                assertThat(c.message()).isEqualTo("every (id) is unique.");
            });
        RunEvent.Materialized revenue = events.stream().filter(RunEvent.Materialized.class::isInstance)
            .map(RunEvent.Materialized.class::cast)
            .filter(m -> m.asset().equals(AssetKey.parse("core/revenue_by_country"))).findFirst().orElseThrow();
        assertThat(revenue.rowCount()).isEqualTo(2);
        assertThat(revenue.dataVersion()).isEqualTo(id + "/core/revenue_by_country");
        assertThat(revenue.codeVersion()).isEqualTo(runtime.workspace().graph()
            .asset(AssetKey.parse("core/revenue_by_country")).orElseThrow().codeVersion());
        assertThat(revenue.inputDataVersions()).isEqualTo(Map.of(
            "shop/customers", id + "/shop/customers", "shop/orders", id + "/shop/orders"));
    }

    @Test
    void stalenessFollowsWhatWasMaterialized() {
        assertThat(describe(runtime.status("*"))).containsOnly(Map.entry("shop/orders", "MISSING: never materialized"),
            Map.entry("shop/customers", "MISSING: never materialized"),
            Map.entry("shop/paid_orders", "MISSING: never materialized"),
            Map.entry("core/revenue_by_country", "MISSING: never materialized"));

        materialize("*");
        assertThat(describe(runtime.status("*")).values()).containsOnly("UP-TO-DATE");

        materialize("shop/orders");
        assertThat(describe(runtime.status("*"))).containsOnly(Map.entry("shop/orders", "UP-TO-DATE"),
            Map.entry("shop/customers", "UP-TO-DATE"),
            Map.entry("shop/paid_orders", "STALE: upstream shop/orders has a newer data version"),
            Map.entry("core/revenue_by_country", "STALE: upstream shop/orders has a newer data version"));
        assertThat(runtime.status("shop/orders").getFirst().materializedAt()).isPresent();
    }

    @Test
    void aChangedCodeVersionIsStale() {
        materialize("*");
        runtime.close();
        Workspace changed = TestWorkspace.of(dir, shop.marts("v2", UnaryOperator.identity(),
            UnaryOperator.identity()));
        runtime = WorkspaceRuntime.open(changed);

        assertThat(describe(runtime.status("shop/orders")))
            .containsExactly(Map.entry("shop/orders", "STALE: code changed (v1 → v2)"));
        assertThat(describe(runtime.status("core/revenue_by_country")).values()).containsExactly("UP-TO-DATE");
    }

    @Test
    void anInvalidWorkspaceIsNotMaterialized() {
        runtime.close();
        Workspace valid = TestWorkspace.of(dir, shop.marts());
        Workspace invalid = new Workspace(dir, valid.config(), new dev.martello.core.graph.LoadedGraph(valid.graph(),
            List.of(new dev.martello.dsl.Problem("cycle", "shop/orders", dev.martello.dsl.Location.UNKNOWN, "a cycle",
                ""))));
        runtime = WorkspaceRuntime.open(invalid);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> materialize("*"))
            .hasMessage("Workspace 'test' has 1 problem; fix it before materializing (martello validate lists them).");
        assertThat(runtime.status("shop/orders")).hasSize(1);
    }

    static Map<String, String> describe(List<AssetStatus> statuses) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        statuses.forEach(s -> out.put(s.label(), s.staleness().describe()));
        return out;
    }
}
