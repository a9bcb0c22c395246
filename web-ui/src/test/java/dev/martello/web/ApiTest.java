package dev.martello.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.web.auth.AuthConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API on a real server (port 0, open auth) over a real DuckDB warehouse and H2 store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private static final ObjectMapper JSON = Json.mapper();
    @TempDir
    static Path dir;
    TestServer t;

    @BeforeAll
    void start() {
        t = TestServer.start(dir, AuthConfig.openAccess());
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = t.get(path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode error(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.has("details")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    @Test
    void listsWorkspacesAndAssetsWithTheirState() throws Exception {
        JsonNode ws = ok("/api/workspaces");
        assertThat(ws.get(0).get("name").asText()).isEqualTo("shop");
        assertThat(ws.get(0).get("assets").asInt()).isEqualTo(2);
        assertThat(ws.get(0).get("nodes").asInt()).isEqualTo(3);

        JsonNode assets = ok("/api/workspaces/shop/assets");
        assertThat(assets.get("total").asInt()).isEqualTo(3);
        List<String> keys = new ArrayList<>();
        assets.get("items").forEach(a -> keys.add(a.get("key").asText()));
        assertThat(keys).containsExactly("commerce/orders", "core/gmv_daily", "raw_commerce.orders");
        JsonNode orders = assets.get("items").get(0);
        assertThat(orders.get("owners").get(0).asText()).isEqualTo("team:commerce-data");
        assertThat(orders.get("freshnessPolicy").asText()).isEqualTo("within 2h");
        assertThat(orders.get("freshness").get("state").asText()).isEqualTo("UNKNOWN");
        assertThat(orders.get("freshness").get("reason").asText()).isEqualTo("never materialized");
        assertThat(orders.get("staleness").asText()).isEqualTo("MISSING");
        assertThat(assets.get("items").get(1).get("freshness").get("reason").asText()).isEqualTo("no freshness policy");
    }

    @Test
    void filtersTheCatalog() throws Exception {
        assertThat(ok("/api/workspaces/shop/assets?select=%2Bcore/gmv_daily").get("total").asInt()).isEqualTo(3);
        assertThat(ok("/api/workspaces/shop/assets?mart=core").get("items").get(0).get("key").asText())
            .isEqualTo("core/gmv_daily");
        assertThat(ok("/api/workspaces/shop/assets?tag=tier=1").get("items").get(0).get("key").asText())
            .isEqualTo("commerce/orders");
        assertThat(ok("/api/workspaces/shop/assets?kind=source").get("total").asInt()).isEqualTo(1);
        assertThat(ok("/api/workspaces/shop/assets?owner=ana@").get("total").asInt()).isEqualTo(1);
        assertThat(ok("/api/workspaces/shop/assets?q=GMV").get("total").asInt()).isEqualTo(1);
        assertThat(ok("/api/workspaces/shop/assets?freshness=unknown").get("total").asInt()).isEqualTo(2);
        assertThat(ok("/api/workspaces/shop/assets?freshness=fail").get("total").asInt()).isZero();
    }

    @Test
    void showsAnAssetWithItsLineageAndContract() throws Exception {
        JsonNode d = ok("/api/workspaces/shop/assets/core/gmv_daily");
        assertThat(d.get("summary").get("key").asText()).isEqualTo("core/gmv_daily");
        assertThat(d.get("upstream").toString()).isEqualTo("[\"commerce/orders\"]");
        assertThat(d.get("downstream").toString()).isEqualTo("[]");
        assertThat(d.get("sql").asText()).isEqualTo("select sum(amount) as gmv from {{ ref('commerce/orders') }}");
        assertThat(ok("/api/workspaces/shop/assets/core/gmv_daily/partitions").get("partitioned").asBoolean())
            .isFalse();
    }

    @Test
    void laysOutLineageInMartZones() throws Exception {
        JsonNode l = ok("/api/workspaces/shop/lineage");
        assertThat(l.get("nodes")).hasSize(3);
        assertThat(l.get("edges")).hasSize(4);
        assertThat(l.get("zones").get(0).get("mart").asText()).isEqualTo("commerce");
        assertThat(l.get("zones").get(1).get("mart").asText()).isEqualTo("core");
        JsonNode focus = ok("/api/workspaces/shop/lineage?focus=core/gmv_daily&up=1&down=0");
        assertThat(focus.get("selection").asText()).isEqualTo("+1core/gmv_daily or core/gmv_daily");
        assertThat(focus.get("nodes")).hasSize(2);
    }

    @Test
    void badInputIsA400NamingTheProblem() throws Exception {
        JsonNode syntax = error(t.get("/api/workspaces/shop/assets?select=mart:(", null), 400, "INVALID_SELECTION");
        assertThat(syntax.get("details").get("column").asInt()).isPositive();
        JsonNode unknown = error(t.get("/api/workspaces/shop/lineage?select=core/gmv_dayly", null), 400,
            "UNKNOWN_KEY");
        assertThat(unknown.get("details").get("didYouMean").asText()).isEqualTo("core/gmv_daily");
        assertThat(error(t.get("/api/workspaces/shop/runs?limit=abc", null), 400, "INVALID_PARAMETER")
            .get("message").asText()).isEqualTo("Query parameter 'limit' must be a whole number from 1 to 1000,"
            + " not 'abc'.");
        error(t.get("/api/workspaces/shop/assets?kind=tablez", null), 400, "INVALID_PARAMETER");
        error(t.post("/api/workspaces/shop/runs", null, "{\"select\": 3, \"nope\": 1}"), 400, "INVALID_BODY");
        error(t.post("/api/workspaces/shop/runs", null, "{}"), 400, "INVALID_SELECTION");
        error(t.post("/api/workspaces/shop/runs", null, "{\"select\": \"raw_commerce.orders\"}"), 400, "EMPTY_PLAN");
        assertThat(error(t.get("/api/workspaces/shop/assets/core/gmv_dayly", null), 404, "ASSET_NOT_FOUND")
            .get("message").asText()).isEqualTo("Workspace 'shop' has no asset 'core/gmv_dayly'. Did you mean"
            + " 'core/gmv_daily'?");
        error(t.get("/api/workspaces/shoq/assets", null), 404, "WORKSPACE_NOT_FOUND");
        error(t.get("/api/workspaces/shop/runs/nosuchrun0", null), 404, "RUN_NOT_FOUND");
        error(t.get("/api/no/such/route", null), 404, "NOT_FOUND");
    }

    @Test
    void keysAndParametersCannotInjectSqlOrPaths() throws Exception {
        error(t.get("/api/workspaces/shop/runs/r1'%20or%20'1'='1", null), 400, "INVALID_RUN_ID");
        error(t.get("/api/workspaces/shop/assets/core/x'%3B%20drop%20table%20runs%3B--", null), 400, "INVALID_KEY");
        error(t.get("/api/workspaces/shop/lineage?focus=..%2F..%2Fetc%2Fpasswd", null), 400, "INVALID_KEY");
        HttpResponse<String> traversal = t.get("/..%2f..%2fpom.xml", null);
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(traversal.body()).doesNotContain("<project");
        error(t.get("/api/workspaces/shop/assets?select=core/x'%20or%201=1", null), 400, "INVALID_SELECTION");
        // the store still answers: nothing was dropped
        assertThat(t.get("/api/workspaces/shop/runs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void schedulesAnswer503WithoutAScheduler() throws Exception {
        assertThat(error(t.get("/api/workspaces/shop/schedules", null), 503, "SCHEDULER_NOT_RUNNING")
            .get("message").asText()).isEqualTo("This server runs no scheduler for workspace 'shop' (martello dev);"
            + " schedules and automation are shown by martello serve.");
        error(t.post("/api/workspaces/shop/schedules/nightly/pause", null, "{}"), 503, "SCHEDULER_NOT_RUNNING");
        assertThat(ok("/api/workspaces").get(0).get("scheduler").asBoolean()).isFalse();
    }

    @Test
    void openApiDocumentsEveryRegisteredRoute() throws Exception {
        JsonNode doc = ok("/api/openapi.json");
        TreeSet<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
            .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        TreeSet<String> registered = new TreeSet<>(t.server.registeredEndpoints().stream()
            .filter(e -> e.contains(" /api/")).toList());
        registered.remove("GET /api/openapi.json");
        registered.remove("GET /api/events");
        assertThat(documented).isEqualTo(registered);
        assertThat(doc.get("paths").get("/api/workspaces/{ws}/runs").get("post").get("x-required-role").asText())
            .isEqualTo("operator");
    }
}
