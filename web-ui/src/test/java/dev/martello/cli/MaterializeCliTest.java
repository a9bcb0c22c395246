package dev.martello.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.martello.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** materialize, status, runs and run against a real DuckDB warehouse and H2 metadata store in a temp folder. */
class MaterializeCliTest {
    @TempDir
    Path dir;

    private String workspace(String core) throws IOException {
        Files.writeString(dir.resolve("workspace.yaml"), """
            name: shop
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$%s
            seed:
              class: dev.martello.cli.fixtures.ShopSeed
            """.formatted(core));
        return dir.toString();
    }

    @Test
    void materializesSeedsAndReportsStatusAndRuns() throws IOException {
        String ws = workspace("Core");
        CliTest.Result first = run("materialize", "-w", ws);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("Seeding the sources of workspace 'shop' with dev.martello.cli.fixtures.ShopSeed");
        assertThat(first.out()).containsPattern("Run r[0-9a-z]+: 2 step\\(s\\) for '\\*'")
            .containsPattern("  ok   commerce/orders +\\S+ +3 rows")
            .containsPattern("core/gmv_daily +SUCCEEDED +1 +\\S+ +1")
            .containsPattern("Run r[0-9a-z]+ SUCCEEDED in \\S+: 2 succeeded, 0 failed, 0 skipped, 0 canceled.\\n$");
        assertThat(Files.exists(dir.resolve("data/warehouse.duckdb"))).isTrue();

        CliTest.Result status = run("status", "-w", ws);
        assertThat(status.out()).startsWith("ASSET            MATERIALIZED AT")
            .containsPattern("commerce/orders +20\\d\\d-\\S+ +UP-TO-DATE")
            .containsPattern("core/gmv_daily +20\\d\\d-\\S+ +UP-TO-DATE");

        assertThat(run("materialize", "-w", ws, "-s", "commerce/orders").exit()).isZero();
        assertThat(run("status", "-w", ws, "-s", "core/*").out())
            .contains("STALE: upstream commerce/orders has a newer data version");

        CliTest.Result runs = run("runs", "-w", ws);
        assertThat(runs.out().lines().skip(1)).hasSize(2).allMatch(l -> l.contains("SUCCEEDED  manual"));
        String id = runs.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        CliTest.Result detail = run("run", "-w", ws, id);
        assertThat(detail.out()).startsWith("Run " + id + " SUCCEEDED (trigger manual, selection 'commerce/orders'")
            .contains("materialized commerce/orders (3 rows");
    }

    @Test
    void aFailingAssetExitsOneSkipsItsDownstreamAndFinishesTheRest() throws IOException {
        CliTest.Result r = run("materialize", "-w", workspace("FailingCore"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("  FAIL core/gmv_daily")
            .containsPattern("user code: .*no_such_column")
            .containsPattern("core/gmv_report +SKIPPED")
            .containsPattern("core/order_count +SUCCEEDED")
            .containsPattern("Run r[0-9a-z]+ FAILED in \\S+: 2 succeeded, 1 failed, 1 skipped, 0 canceled.\\n$");
    }

    @Test
    void anUnknownRunIdIsAUsageError() throws IOException {
        CliTest.Result r = run("run", "-w", workspace("Core"), "r0nosuchrun");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).endsWith("No run has id 'r0nosuchrun'. 'martello runs' lists the latest ones.\n");
    }

    @Test
    void partitionOptionsAreChecked() throws IOException {
        CliTest.Result r = run("materialize", "-w", workspace("Core"), "--partition", "2024-01-01", "--from", "2024-01-01");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Give either --partition or --from/--to, not both.");
    }
}
