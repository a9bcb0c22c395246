package dev.martello.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Martello.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String workspace(String name) {
        try {
            return Path.of(CliTest.class.getResource("/workspaces/" + name + "/workspace.yaml").toURI()).getParent()
                .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validateSucceedsWithOneLine() {
        Result r = run("validate", "--workspace", workspace("valid"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("Workspace 'shop' is valid: 2 marts, 2 assets, 1 sources \\(\\d+ ms\\)\\.\\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateFailsWithTheNumberedReport() {
        Result r = run("validate", "-w", workspace("broken"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("""
            Workspace 'broken' has 2 problem(s):
            1. Asset 'core/gmv_daily' reads 'commerce/order', which no mart declares. Did you mean 'commerce/orders'?
               at ShopMarts.java:""").contains("""
             [unknown-dependency]
            2. Mart 'core' has no owner. Add .owner("team:<name>") or an e-mail address; every mart is owned.
               at ShopMarts.java:""").endsWith(" [mart-owner]\n");
    }

    @Test
    void validateReportsABadWorkspaceFolder() {
        Result r = run("validate", "--workspace", "/nonexistent");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("/nonexistent/workspace.yaml: no such file. A workspace is a folder with a"
            + " workspace.yaml; pass it with --workspace DIR (e.g. --workspace workspaces/demo).\n");
    }

    @Test
    void listPrintsATable() {
        Result r = run("list", "-w", workspace("valid"), "--select", "+core/gmv_daily");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
            KEY                  MART      KIND    OWNERS                      DEPS                 FRESHNESS
            raw_commerce.orders  commerce  source  team:commerce-data          -                    -
            commerce/orders      commerce  table   team:commerce-data          raw_commerce.orders  within 2h
            core/gmv_daily       core      table   team:core, ana@example.com  commerce/orders      -
            3 selected
            """);
    }

    @Test
    void listRefusesAnInvalidWorkspace() {
        Result r = run("list", "-w", workspace("broken"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Workspace 'broken' has 2 problem(s); fix them first (martello validate shows"
            + " the same list):\n1. Asset 'core/gmv_daily' reads 'commerce/order'");
    }

    @Test
    void badSelectionPointsAtTheColumn() {
        Result r = run("list", "-w", workspace("valid"), "--select", "mart:core and");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Selection error at column 14:");
    }

    @Test
    void lineageAsText() {
        Result r = run("lineage", "-w", workspace("valid"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
            raw_commerce.orders [source, commerce]
            commerce/orders [table, commerce] <- raw_commerce.orders
            core/gmv_daily [table, core] <- commerce/orders
            """);
    }

    @Test
    void lineageAsMermaidAndDot() {
        Result mermaid = run("lineage", "-w", workspace("valid"), "--select", "core/gmv_daily+ or +1core/gmv_daily",
            "--format", "mermaid");
        assertThat(mermaid.out()).isEqualTo("""
            flowchart LR
              subgraph commerce
                commerce_orders["commerce/orders"]
              end
              subgraph core
                core_gmv_daily["core/gmv_daily"]
              end
              commerce_orders --> core_gmv_daily
            """);
        Result dot = run("lineage", "-w", workspace("valid"), "-f", "dot", "-s", "commerce/orders");
        assertThat(dot.out()).isEqualTo("""
            digraph lineage {
              rankdir=LR;
              node [shape=box, fontname="Helvetica"];
              subgraph "cluster_commerce" {
                label="commerce";
                "commerce/orders";
              }
            }
            """);
    }

    @Test
    void lineageAsJson() {
        Result r = run("lineage", "-w", workspace("valid"), "-f", "json", "-s", "core/*");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
            {
              "nodes" : [ {
                "key" : "core/gmv_daily",
                "type" : "asset",
                "mart" : "core",
                "martKind" : "integrated",
                "kind" : "table",
                "owners" : [ "team:core", "ana@example.com" ],
                "description" : "",
                "exposed" : false
              } ],
              "edges" : [ ]
            }
            """);
    }

    @Test
    void outputWrittenWithPrintReachesTheRealStandardOutput() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, false, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Martello.run("lineage", "-w", workspace("valid"), "-f", "mermaid")).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("flowchart LR\n")
            .endsWith("commerce_orders --> core_gmv_daily\n");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Result r = run("lineage", "-w", workspace("valid"), "-f", "svg");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Unknown lineage format 'svg'. Use one of: text, json, dot, mermaid.\n");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "list", "lineage", "materialize", "status", "runs", "run", "seed"}) {
            Result r = run(command, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: martello " + command).contains("--workspace=DIR");
        }
    }
}
