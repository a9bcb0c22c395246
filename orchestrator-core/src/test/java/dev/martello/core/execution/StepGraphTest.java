package dev.martello.core.execution;

import dev.martello.core.planning.Plan;
import dev.martello.core.planning.PlannedStep;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Location;
import dev.martello.dsl.MaterializationKind;
import dev.martello.dsl.RetryPolicy;
import dev.martello.dsl.SqlTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency bookkeeping alone: a failure cuts off exactly what is downstream of it. */
class StepGraphTest {
    /** a → b → d, a → c → d, e alone. */
    static final Plan PLAN = new Plan("*", List.of(step(0, "a"), step(1, "b", 0), step(2, "c", 0), step(3, "d", 1, 2),
        step(4, "e")));

    static PlannedStep step(int index, String name, Integer... deps) {
        Asset asset = new Asset(AssetKey.parse("m/" + name), "", List.of(), false, List.of(),
            new Compute.Sql(SqlTemplate.parse("select 1", "m"), "inline"), MaterializationKind.TABLE, null, null, null,
            List.of(), List.of(), Map.of(), "v", null, RetryPolicy.NONE, null, Location.UNKNOWN);
        return new PlannedStep(index, asset, null, List.of(deps));
    }

    @Test
    void aStepIsReadyOnceAllItsUpstreamStepsSucceeded() {
        StepGraph graph = new StepGraph(PLAN);

        assertThat(graph.ready()).containsExactly(0, 4);
        assertThat(graph.succeeded(0)).containsExactly(1, 2);
        assertThat(graph.succeeded(1)).isEmpty();
        assertThat(graph.succeeded(2)).containsExactly(3);
    }

    @Test
    void aFailureSettlesEverythingDownstreamOfItAndNothingElse() {
        StepGraph graph = new StepGraph(PLAN);
        graph.succeeded(0);

        assertThat(graph.failed(1)).extracting(PlannedStep::index).containsExactly(3);
        assertThat(graph.isSettled(2)).isFalse();
        assertThat(graph.succeeded(2)).as("d was cut off by b").isEmpty();
        assertThat(graph.ready()).containsExactly(4);
    }
}
