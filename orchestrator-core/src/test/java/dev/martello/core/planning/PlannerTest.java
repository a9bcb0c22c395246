package dev.martello.core.planning;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Mart;
import dev.martello.dsl.PartitionMapping;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {
    private static final Clock NOON_JAN_5 = Clock.fixed(Instant.parse("2024-01-05T12:00:00Z"), ZoneOffset.UTC);

    private final AssetGraph graph = AssetGraph.of(List.of(Mart.integrated("m").owner("team:t")
        .source("raw.events")
        .asset("hourly", a -> a.partitionedHourly("2024-01-01", "UTC").incremental("ts")
            .sql("select * from {{ source('raw.events') }}"))
        .asset("daily", a -> a.partitionedDaily("2024-01-01", "UTC").incremental("day")
            .dependsOn("hourly", PartitionMapping.timeWindow())
            .sql("select * from {{ ref('hourly') }}"))
        .asset("daily_again", a -> a.partitionedDaily("2024-01-01", "UTC").incremental("day")
            .sql("select * from {{ ref('daily') }}"))
        .asset("summary", a -> a.sql("select count(*) from {{ ref('daily_again') }}"))
        .build()));

    private static List<String> labels(Plan plan) {
        return plan.steps().stream().map(s -> s.label() + " <- " + s.dependsOn()).toList();
    }

    @Test
    void aRangePlansOneStepPerPartitionInDependencyOrder() {
        Plan plan = new Planner(graph, NOON_JAN_5).plan("m/daily*+", new PartitionChoice.Range("2024-01-02", "2024-01-03"));
        assertThat(labels(plan)).containsExactly(
            "m/daily[2024-01-02] <- []",
            "m/daily[2024-01-03] <- []",
            "m/daily_again[2024-01-02] <- [0]",
            "m/daily_again[2024-01-03] <- [1]",
            "m/summary <- [2, 3]");
    }

    @Test
    void aDailyPartitionWaitsForItsTwentyFourHours() {
        Plan plan = new Planner(graph, NOON_JAN_5).plan("m/hourly+1", new PartitionChoice.Single("2024-01-02"));
        assertThat(plan.steps()).hasSize(25);
        PlannedStep daily = plan.steps().getLast();
        assertThat(daily.label()).isEqualTo("m/daily[2024-01-02]");
        assertThat(daily.dependsOn()).hasSize(24);
        assertThat(plan.steps().getFirst().label()).isEqualTo("m/hourly[2024-01-02-00:00]");
        assertThat(daily.partition().start()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(daily.partition().end()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
    }

    @Test
    void withoutAPartitionTheLatestCompleteOneIsPlanned() {
        Plan plan = new Planner(graph, NOON_JAN_5).plan("m/hourly or m/daily", PartitionChoice.latest());
        assertThat(plan.steps()).extracting(PlannedStep::label)
            .containsExactly("m/hourly[2024-01-05-11:00]", "m/daily[2024-01-04]");
    }

    @Test
    void sourcesAreNeverPlanned() {
        Plan plan = new Planner(graph, NOON_JAN_5).plan("raw.events", PartitionChoice.latest());
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void aBadPartitionKeyNamesTheAssetAndTheFormat() {
        assertThatThrownBy(() -> new Planner(graph, NOON_JAN_5).plan("m/daily", new PartitionChoice.Single("2024/01/02")))
            .hasMessage("Asset 'm/daily' (daily from 2024-01-01 (UTC)): '2024/01/02' is not a daily partition key;"
                + " write it as 2024-01-31.");
        assertThatThrownBy(() -> new Planner(graph, NOON_JAN_5).plan("m/daily", new PartitionChoice.Single("2023-12-31")))
            .hasMessage("Asset 'm/daily' (daily from 2024-01-01 (UTC)): partition '2023-12-31' is before the first"
                + " partition 2024-01-01.");
    }

    @Test
    void partitionWindowsFollowTheTimeZone() {
        var berlin = dev.martello.dsl.Partitions.daily("2024-01-01", "Europe/Berlin");
        var w = PartitionKeys.window(berlin, "2024-03-31");
        assertThat(w.start()).isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
    }
}
