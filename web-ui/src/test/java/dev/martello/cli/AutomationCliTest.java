package dev.martello.cli;

import dev.martello.core.automation.AutomationEvaluator;
import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.freshness.FreshnessEvaluator;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.jooq.MetadataStores;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.martello.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code why} and {@code freshness} over what real runs, automation ticks and freshness evaluations stored. */
class AutomationCliTest {
    @TempDir
    Path dir;

    private String workspace() throws IOException {
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: shop
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$AutomatedCore
            seed:
              class: dev.martello.cli.fixtures.ShopSeed
            """);
        return dir.toString();
    }

    private Instant tick(String ws) {
        Workspace loaded = new WorkspaceLoader().load(Path.of(ws));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (RunStore runs = MetadataStores.h2(dir.resolve("data/metadata"))) {
            AutomationEvaluator.open(loaded.graph(), runs, JooqObservationStore.on(runs), JooqAutomationStore.on(runs))
                .tick(now);
            FreshnessEvaluator.open(loaded.graph(), runs, JooqObservationStore.on(runs), JooqFreshnessStore.on(runs))
                .evaluate(now);
        }
        return now;
    }

    @Test
    void whyExplainsTheDecisionsAtOrBeforeATime() throws IOException {
        String ws = workspace();
        assertThat(run("materialize", "-w", ws).exit()).isZero();
        Instant first = tick(ws);
        assertThat(run("materialize", "-w", ws, "-s", "commerce/orders").exit()).isZero();
        Instant second = tick(ws);

        CliTest.Result now = run("why", "core/gmv_daily", "-w", ws);
        assertThat(now.exit()).as(now.err()).isZero();
        assertThat(now.out()).startsWith("core/gmv_daily: automation eager.\nDecisions at or before ")
            .containsPattern(second + " +- +REQUESTED +upstream commerce/orders updated at \\S+, after the last "
                + "materialization at \\S+\\n")
            .containsPattern(first + " +- +SKIPPED +up to date: no upstream updated since the last materialization"
                + " at \\S+\\n");
        assertThat(now.out().indexOf(second.toString())).isLessThan(now.out().indexOf(first.toString()));

        CliTest.Result before = run("why", "core/gmv_daily", "--at", first.toString(), "-w", ws);
        assertThat(before.out()).contains("SKIPPED").doesNotContain("REQUESTED");
        CliTest.Result earlier = run("why", "core/gmv_daily", "--at", "2020-01-01T00:00", "-w", ws);
        assertThat(earlier.out()).isEqualTo("core/gmv_daily: automation eager.\nNo automation decision about "
            + "core/gmv_daily at or before 2020-01-01T00:00:00Z (the automation tick has not evaluated it yet).\n");

        CliTest.Result typo = run("why", "core/gmv_dayly", "-w", ws);
        assertThat(typo.exit()).isNotZero();
        assertThat(typo.err()).contains("No mart of workspace 'shop' declares the asset 'core/gmv_dayly'. Did you "
            + "mean 'core/gmv_daily'?");
        CliTest.Result badTime = run("why", "core/gmv_daily", "--at", "yesterday", "-w", ws);
        assertThat(badTime.exit()).isNotZero();
        assertThat(badTime.err()).contains("--at 'yesterday' is not a time; write it as 2026-03-02T09:00:00Z, "
            + "2026-03-02T10:00+01:00 or 2026-03-02T09:00 (UTC).");
    }

    @Test
    void freshnessPrintsStatusAndSloPerAssetMartAndOwner() throws IOException {
        String ws = workspace();
        assertThat(run("materialize", "-w", ws).exit()).isZero();
        tick(ws);

        CliTest.Result perAsset = run("freshness", "-w", ws);
        assertThat(perAsset.exit()).as(perAsset.err()).isZero();
        assertThat(perAsset.out()).startsWith("ASSET  ").contains("POLICY", "SLO 7D", "SLO 28D")
            .containsPattern("commerce/orders +within 2h +PASS +100\\.0% +100\\.0% +last materialized \\S+ ago")
            .containsPattern("core/gmv_daily +within 1h +PASS +100\\.0% +100\\.0% +last materialized \\S+ ago");

        assertThat(run("freshness", "--by", "mart", "-w", ws).out()).startsWith("MART ")
            .containsPattern("commerce +1 +1 +0 +0 +0 +100\\.0% +100\\.0%")
            .containsPattern("core +1 +1 +0 +0 +0 +100\\.0% +100\\.0%");
        assertThat(run("freshness", "--by", "owner", "-w", ws).out()).startsWith("OWNER ")
            .containsPattern("team:commerce-data +1 +1 +0 +0 +0 +100\\.0% +100\\.0%")
            .containsPattern("team:core +1 +1 +0 +0 +0 +100\\.0% +100\\.0%");
    }
}
