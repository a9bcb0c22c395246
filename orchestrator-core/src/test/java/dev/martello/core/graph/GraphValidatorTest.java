package dev.martello.core.graph;

import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;
import dev.martello.dsl.PartitionMapping;
import dev.martello.dsl.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraphValidatorTest {

    private static MartBuilder commerce() {
        return Mart.application("commerce").owner("team:commerce-data").producer("raw_commerce")
            .source("raw_commerce.orders", s -> s.loadedAt("_loaded_at"))
            .asset("orders", a -> a.exposed().sql("select * from {{ source('raw_commerce.orders') }}"))
            .asset("order_lines", a -> a.sql("select * from {{ source('raw_commerce.orders') }}"));
    }

    private static List<String> problems(Mart... marts) {
        LoadedGraph g = GraphLoader.validate(List.of(marts), List.of());
        return g.problems().stream().map(p -> "[" + p.rule() + "] " + p.message() + " " + p.fix()).toList();
    }

    @Test
    void aValidGraphHasNoProblems() {
        Mart core = Mart.integrated("core").owner("ana@example.com")
            .asset("gmv", a -> a.sql("select sum(amount) from {{ ref('commerce/orders') }}")).build();
        assertThat(problems(commerce().build(), core)).isEmpty();
    }

    @Test
    void unknownDependencySuggestsTheClosestKey() {
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("gmv_daily", a -> a.sql("select * from {{ ref('commerce/order') }}")).build();
        assertThat(problems(commerce().build(), core)).containsExactly(
            "[unknown-dependency] Asset 'core/gmv_daily' reads 'commerce/order', which no mart declares."
                + " Did you mean 'commerce/orders'?");
    }

    @Test
    void unknownSourceWithoutCloseMatchSaysHowToDeclareIt() {
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("x", a -> a.sql("select * from {{ source('erp.invoices') }}")).build();
        assertThat(problems(commerce().build(), core)).containsExactly(
            "[unknown-dependency] Asset 'core/x' reads source 'erp.invoices', which no mart declares."
                + " Declare it with .source(\"erp.invoices\") in the mart of its producer, or fix the name.");
    }

    @Test
    void duplicateKeysSourcesAndMartsAreReported() {
        Mart again = Mart.integrated("commerce").owner("team:x")
            .source("raw_commerce.orders")
            .asset("orders", a -> a.sql("select 1")).build();
        List<String> found = problems(commerce().build(), again);
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).startsWith("[duplicate-mart] Mart 'commerce' is declared twice: at GraphValidatorTest.java:");
        assertThat(found.get(1)).startsWith("[duplicate-source] Source 'raw_commerce.orders' is declared twice: in mart"
            + " 'commerce' at GraphValidatorTest.java:").endsWith(" Declare a source once, in the mart of its producer;"
            + " other marts read it with {{ source('raw_commerce.orders') }}.");
        assertThat(found.get(2)).startsWith("[duplicate-key] Asset 'commerce/orders' is declared twice: at GraphValidatorTest.java:")
            .endsWith("Rename one of them or remove the duplicate.");
    }

    @Test
    void cyclesAreReportedWithTheFullPath() {
        Mart m = Mart.integrated("core").owner("team:core")
            .asset("a", x -> x.sql("select * from {{ ref('c') }}"))
            .asset("b", x -> x.sql("select * from {{ ref('a') }}"))
            .asset("c", x -> x.sql("select * from {{ ref('b') }}"))
            .asset("d", x -> x.sql("select * from {{ ref('d') }}"))
            .build();
        assertThat(problems(m)).containsExactly(
            "[cycle] Assets depend on each other in a cycle: core/a → core/c → core/b → core/a (each reads the next)."
                + " Remove one of these dependencies; a cycle can never be materialized.",
            "[cycle] Assets depend on each other in a cycle: core/d → core/d (each reads the next)."
                + " Remove one of these dependencies; a cycle can never be materialized.");
    }

    @Test
    void dailyReadingHourlyNeedsAMapping() {
        Mart events = Mart.integrated("events").owner("team:events")
            .asset("hourly", a -> a.exposed().partitionedHourly("2024-01-01", "UTC").incremental("ts")
                .sql("select 1 as ts"))
            .asset("daily", a -> a.partitionedDaily("2024-01-01", "UTC").incremental("day")
                .sql("select * from {{ ref('hourly') }}"))
            .asset("daily_ok", a -> a.partitionedDaily("2024-01-01", "UTC").incremental("day")
                .dependsOn("hourly", PartitionMapping.timeWindow())
                .sql("select * from {{ ref('hourly') }}"))
            .asset("regional", a -> a.partitionedBy("us", "eu").incremental("region")
                .dependsOn("hourly", PartitionMapping.timeWindow())
                .sql("select * from {{ ref('hourly') }}"))
            .build();
        assertThat(problems(events)).containsExactly(
            "[partition-mismatch] Asset 'events/daily' (daily from 2024-01-01 (UTC)) reads 'events/hourly' (hourly"
                + " from 2024-01-01 (UTC)) without a partition mapping. Declare .dependsOn(\"events/hourly\","
                + " PartitionMapping.timeWindow()) to read the upstream partitions inside each window, or"
                + " PartitionMapping.all() to read all of it.",
            "[partition-mismatch] Asset 'events/regional' (static [us, eu]) reads 'events/hourly' (hourly from"
                + " 2024-01-01 (UTC)) with a time-window mapping, which needs time partitions on both sides."
                + " Declare .dependsOn(\"events/hourly\", PartitionMapping.all()) to read all of it, or partition both"
                + " assets the same way.");
    }

    @Test
    void applicationMartReadsOnlyItsProducerAndItsOwnAssets() {
        Mart live = Mart.application("live").owner("team:live").producer("raw_live")
            .source("raw_live.shows")
            .asset("shows", a -> a.exposed().sql("select * from {{ source('raw_live.shows') }}"))
            .build();
        Mart bad = Mart.application("commerce").owner("team:commerce-data").producer("raw_commerce")
            .source("raw_commerce.orders")
            .asset("mixed", a -> a.sql("select * from {{ source('raw_live.shows') }} join {{ ref('live/shows') }}"))
            .build();
        assertThat(problems(live, bad)).containsExactly(
            "[application-mart-reads] Asset 'commerce/mixed' of application mart 'commerce' reads 'live/shows' of"
                + " mart 'live'; an application mart reads only its producer's sources and its own assets."
                + " Move 'commerce/mixed' to an integrated mart.",
            "[application-mart-reads] Asset 'commerce/mixed' of application mart 'commerce' reads source"
                + " 'raw_live.shows' of producer 'raw_live', but an application mart reads only its own producer"
                + " 'raw_commerce'. Read it in an integrated mart, or in the application mart of producer 'raw_live'.");
    }

    @Test
    void anApplicationMartWithSeveralProducersMustNameOne() {
        Mart m = Mart.application("mixed").owner("team:x")
            .source("raw_a.t").source("raw_b.t")
            .asset("x", a -> a.sql("select * from {{ source('raw_a.t') }}")).build();
        assertThat(problems(m)).containsExactly(
            "[application-mart-reads] Application mart 'mixed' declares sources of several producers (raw_a, raw_b);"
                + " an application mart exposes the data of one producer. Declare .producer(\"<schema>\") and move the"
                + " other sources to their producer's application mart.",
            "[application-mart-reads] Asset 'mixed/x' of application mart 'mixed' reads source 'raw_a.t', but the"
                + " mart names no producer. Declare .producer(\"raw_a\") on mart 'mixed'.");
    }

    @Test
    void nothingOutsideAProjectMartDependsOnIt() {
        Mart project = Mart.project("holiday").owner("team:growth")
            .asset("campaign", a -> a.exposed().sql("select * from {{ ref('commerce/orders') }}")).build();
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("uses_campaign", a -> a.sql("select * from {{ ref('holiday/campaign') }}")).build();
        assertThat(problems(commerce().build(), project, core)).containsExactly(
            "[project-mart-private] Asset 'core/uses_campaign' of integrated mart 'core' reads 'holiday/campaign' of"
                + " project mart 'holiday'; nothing outside a project mart may depend on it. Move 'holiday/campaign'"
                + " into an integrated mart, or 'core/uses_campaign' into mart 'holiday'.");
    }

    @Test
    void crossMartReadsNeedExposedAssets() {
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("x", a -> a.sql("select * from {{ ref('commerce/order_lines') }}")).build();
        assertThat(problems(commerce().build(), core)).containsExactly(
            "[private-asset] Asset 'core/x' reads 'commerce/order_lines', which is private to mart 'commerce'."
                + " Mark it .exposed() in mart 'commerce' if it belongs to the mart's public interface, or read one of"
                + " its exposed assets.");
    }

    @Test
    void everyMartHasAnOwner() {
        Mart m = Mart.integrated("core").asset("x", a -> a.sql("select 1")).build();
        assertThat(problems(m)).containsExactly(
            "[mart-owner] Mart 'core' has no owner. Add .owner(\"team:<name>\") or an e-mail address; every mart is"
                + " owned.");
    }

    @Test
    void declaredDependenciesMustAgreeWithTheSql() {
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("x", a -> a.dependsOn("commerce/orders").sql("select 1")).build();
        assertThat(problems(commerce().build(), core)).containsExactly(
            "[sql-ref-mismatch] Asset 'core/x' declares dependency 'commerce/orders', but its SQL never reads it."
                + " Read it in the SQL with {{ ref('commerce/orders') }}, or remove .dependsOn(\"commerce/orders\").");
    }

    @Test
    void cronsAreParsedWithTheAssetKey() {
        Mart core = Mart.integrated("core").owner("team:core")
            .asset("x", a -> a.freshBy("0 7 * *", "Europe/Berlin").automation(AutomationPolicy.onCron("61 * * * *", "UTC"))
                .sql("select 1"))
            .build();
        List<String> found = problems(core);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("[invalid-cron] Asset 'core/x' has freshness cron '0 7 * *', which is not"
            + " a 5-field Unix cron (").endsWith("). Write 'minute hour day-of-month month day-of-week', e.g."
            + " '0 7 * * *' for 07:00 every day.");
        assertThat(found.get(1)).startsWith("[invalid-cron] Asset 'core/x' has automation cron '61 * * * *'");
    }

    @Test
    void allProblemsAreCollectedAcrossMartsAndRenderedAsANumberedList() {
        Mart core = Mart.integrated("core")
            .asset("a", x -> x.sql("select * from {{ ref('commerce/order') }}"))
            .asset("b", x -> x.sql("select * from {{ ref('commerce/order_lines') }}"))
            .build();
        List<Problem> found = GraphLoader.validate(List.of(commerce().build(), core), List.of()).problems();
        assertThat(found).extracting(Problem::rule)
            .containsExactly("unknown-dependency", "mart-owner", "private-asset");
        String report = ValidationReport.render(found);
        assertThat(report).startsWith("1. Asset 'core/a' reads 'commerce/order', which no mart declares. Did you mean"
            + " 'commerce/orders'?\n   at GraphValidatorTest.java:");
        assertThat(report).contains("\n2. Mart 'core' has no owner.").contains("\n3. Asset 'core/b' reads");
    }

    @Test
    void aMartThatThrowsIsReportedAndTheOthersStillLoad() {
        LoadedGraph g = GraphLoader.load(List.of(() -> commerce().build(), () -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(g.graph().contains(dev.martello.dsl.AssetKey.parse("commerce/orders"))).isTrue();
        assertThat(g.problems()).singleElement().satisfies(p -> assertThat(p.message())
            .startsWith("Mart class dev.martello.core.graph.GraphValidatorTest$")
            .endsWith(" threw IllegalStateException in define(): boom."));
    }

    @Test
    void definitionProblemsOfOneMartDoNotHideTheOthers() {
        LoadedGraph g = GraphLoader.load(List.of(() -> commerce().build(), () -> Mart.integrated("core")
            .owner("not an owner")
            .asset("x", a -> a.freshWithin(java.time.Duration.ZERO).sql("select * from {{ ref('commerce/orders') }}"))
            .build()));
        assertThat(g.problems()).extracting(p -> p.message() + " " + p.fix()).containsExactly(
            "Mart 'core' has an invalid owner 'not an owner' is neither a team nor an e-mail address: write"
                + " 'team:name' (lower case, digits, '-', '_', '.') or 'someone@example.com'. ",
            "Asset 'core/x' has freshness lag PT0S, which is not positive. Give a positive duration, e.g."
                + " Duration.ofHours(2).",
            "Mart 'core' has no owner. Add .owner(\"team:<name>\") or an e-mail address; every mart is owned.");
    }
}
