package dev.martello.web.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.runs.AssetPartition;
import dev.martello.dsl.AssetKey;
import dev.martello.web.Json;
import dev.martello.web.MutableClock;
import dev.martello.web.TestServer;
import dev.martello.web.auth.AuthConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Freshness through the API on a real server (port 0) over a real H2 metadata store and DuckDB warehouse: core's
 * evaluator judges it, the server records the transitions (or leaves that to a daemon), and they arrive as events.
 * The server's clock is moved by hand; materializations are real runs launched over the API.
 */
class FreshnessApiTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String DAILY_CORE = "dev.martello.cli.fixtures.ShopMarts$DailyCore";
    private static final AssetPartition ORDERS = AssetPartition.unpartitioned(AssetKey.parse("commerce/orders"));

    @TempDir
    Path dir;
    TestServer t;

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void lateAssetsFailPartitionsPassOnceMaterializedAndTheOverviewGroupsThemWithSlo() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        t = TestServer.start(dir, AuthConfig.openAccess(), DAILY_CORE, clock);
        Events events = Events.follow(t);

        JsonNode never = ok("/api/workspaces/shop/assets/commerce/orders").get("summary").get("freshness");
        assertThat(never.get("state").asText()).isEqualTo("UNKNOWN");
        assertThat(never.get("reason").asText()).isEqualTo("never materialized");

        materialize("{\"select\": \"commerce/orders\"}");
        clock.set(Instant.now());
        t.hosted.refresh();
        assertThat(freshness("commerce/orders").get("state").asText()).isEqualTo("PASS");
        Instant materializedAt = Instant.parse(ok("/api/workspaces/shop/assets/commerce/orders").get("summary")
            .get("lastMaterializedAt").asText());

        Instant late = materializedAt.plus(Duration.ofHours(3));
        clock.set(late);
        t.hosted.refresh();
        JsonNode orders = freshness("commerce/orders");
        assertThat(orders.get("state").asText()).isEqualTo("FAIL");
        assertThat(orders.get("lateSince").asText()).isEqualTo(late.toString());
        assertThat(orders.get("reason").asText()).isEqualTo("last materialized 3h ago (" + materializedAt
            + "), more than 2h");
        JsonNode event = events.next(e -> e.get("transitions").toString().contains("\"to\":\"FAIL\""));
        assertThat(event.get("workspace").asText()).isEqualTo("shop");
        JsonNode toFail = event.get("transitions").get(0);
        assertThat(toFail.get("asset").asText()).isEqualTo("commerce/orders");
        assertThat(toFail.get("from").asText()).isEqualTo("PASS");
        assertThat(toFail.get("at").asText()).isEqualTo(late.toString());
        // core/gmv_daily fails too once yesterday's partition ended more than 6h ago, i.e. after 06:00 UTC.
        boolean dailyLate = late.isAfter(LocalDate.ofInstant(late, ZoneOffset.UTC).atTime(6, 0)
            .toInstant(ZoneOffset.UTC));
        assertThat(event.get("counts").get("FAIL").asInt()).isEqualTo(dailyLate ? 2 : 1);

        // the next noon: yesterday's partition of core/gmv_daily ended 12h ago and was never materialized
        Instant noon = LocalDate.ofInstant(late, ZoneOffset.UTC).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        String yesterday = LocalDate.ofInstant(noon, ZoneOffset.UTC).minusDays(1).toString();
        String dayBefore = LocalDate.ofInstant(noon, ZoneOffset.UTC).minusDays(2).toString();
        clock.set(noon);
        t.hosted.refresh();
        JsonNode daily = ok("/api/workspaces/shop/assets/core/gmv_daily");
        assertThat(daily.get("summary").get("freshness").get("state").asText()).isEqualTo("FAIL");
        assertThat(daily.get("freshnessPartitions").toString()).isEqualTo("[{\"partition\":\"" + yesterday
            + "\",\"state\":\"FAIL\",\"since\":\"" + noon + "\",\"lateSince\":\"" + noon + "\",\"reason\":"
            + "\"not materialized, window ended 12h ago, more than 6h\"}]");
        assertThat(total("/api/workspaces/shop/assets?freshness=FAIL")).isEqualTo(2);

        clock.set(noon.plusSeconds(60));
        materialize("{\"select\": \"core/gmv_daily\", \"partition\": \"" + yesterday + "\"}");
        t.hosted.refresh();
        daily = ok("/api/workspaces/shop/assets/core/gmv_daily");
        assertThat(daily.get("summary").get("freshness").get("state").asText()).isEqualTo("PASS");
        JsonNode judged = daily.get("freshnessPartitions").get(0);
        assertThat(judged.get("partition").asText()).isEqualTo(yesterday);
        assertThat(judged.get("state").asText()).isEqualTo("PASS");
        assertThat(judged.get("reason").asText()).startsWith("partition materialized at ");
        assertThat(events.next(e -> e.get("transitions").toString().contains("\"partition\":\"" + yesterday
            + "\",\"from\":\"FAIL\",\"to\":\"PASS\""))).isNotNull();

        JsonNode grid = ok("/api/workspaces/shop/assets/core/gmv_daily/partitions").get("partitions");
        Map<String, String> byKey = new java.util.HashMap<>();
        grid.forEach(p -> byKey.put(p.get("key").asText(), p.get("status").asText() + " "
            + p.get("freshness").get("state").asText()));
        assertThat(byKey).containsEntry(yesterday, "MATERIALIZED PASS").containsEntry(dayBefore, "MISSING FAIL");

        JsonNode overview = ok("/api/workspaces/shop/freshness");
        assertThat(overview.get("evaluatedBy").asText()).isEqualTo("server");
        JsonNode commerce = group(overview.get("byMart"), "commerce");
        assertThat(commerce.get("assets").asInt()).isEqualTo(1);
        assertThat(commerce.get("counts").toString()).isEqualTo("{\"PASS\":0,\"UNKNOWN\":0,\"WARN\":0,\"FAIL\":1}");
        // PASS from the first materialization until 3h later, of the time tracked since the first evaluation
        assertThat(commerce.get("slo7d").asDouble()).isStrictlyBetween(0.0, 0.5);
        assertThat(commerce.get("slo28d").asDouble()).isEqualTo(commerce.get("slo7d").asDouble());
        JsonNode core = group(overview.get("byOwner"), "team:core");
        assertThat(core.get("counts").get("PASS").asInt()).isEqualTo(1);
        // its start depends on the hour the test runs; the minute in FAIL before the materialization always counts
        assertThat(core.get("slo7d").asDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        assertThat(overview.get("late")).hasSize(1);
        JsonNode lateOrders = overview.get("late").get(0);
        assertThat(lateOrders.get("key").asText()).isEqualTo("commerce/orders");
        assertThat(lateOrders.get("lateSince").asText()).isEqualTo(late.toString());
        assertThat(lateOrders.get("owners").toString()).isEqualTo("[\"team:commerce-data\"]");

        // the server recorded the transitions: they are the history the SLO figures come from
        var stored = JooqFreshnessStore.on(t.hosted.runtime().store()).latest();
        assertThat(stored.get(ORDERS).to()).isEqualTo(FreshnessStatus.FAIL);
        assertThat(stored.get(ORDERS).at()).isEqualTo(late);
        assertThat(stored.get(new AssetPartition(AssetKey.parse("core/gmv_daily"), yesterday)).to())
            .isEqualTo(FreshnessStatus.PASS);
    }

    @Test
    void besideADaemonTheServerJudgesButRecordsNothing() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        t = TestServer.start(dir, AuthConfig.openAccess(), DAILY_CORE, clock, FreshnessSource.DAEMON);
        materialize("{\"select\": \"commerce/orders\"}");
        clock.set(Instant.now().plus(Duration.ofHours(3)));
        t.hosted.refresh();
        assertThat(freshness("commerce/orders").get("state").asText()).isEqualTo("FAIL");
        assertThat(ok("/api/workspaces/shop/freshness").get("evaluatedBy").asText()).isEqualTo("daemon");
        List<FreshnessTransition> history = JooqFreshnessStore.on(t.hosted.runtime().store())
            .assetHistory(Instant.EPOCH, clock.instant());
        assertThat(history).as("only the daemon records transitions").isEmpty();
    }

    private JsonNode freshness(String asset) throws Exception {
        return ok("/api/workspaces/shop/assets/" + asset).get("summary").get("freshness");
    }

    private int total(String path) throws Exception {
        return ok(path).get("total").asInt();
    }

    private static JsonNode group(JsonNode groups, String name) {
        for (JsonNode g : groups) {
            if (g.get("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name + " in " + groups);
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = t.get(path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Launches a run over the API and waits until the store has it finished. */
    private void materialize(String body) throws Exception {
        HttpResponse<String> launched = t.post("/api/workspaces/shop/runs", null, body);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String runId = JSON.readTree(launched.body()).get("runId").asText();
        for (int i = 0; i < 600; i++) {
            String status = ok("/api/workspaces/shop/runs/" + runId).get("run").get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("STARTED")) {
                assertThat(status).isEqualTo("SUCCEEDED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    /** The {@code freshness} events of {@code /api/events}, read on a background thread. */
    private record Events(BlockingQueue<JsonNode> queue) {
        static Events follow(TestServer t) throws InterruptedException {
            BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
            BlockingQueue<String> hello = new LinkedBlockingQueue<>();
            t.http.sendAsync(t.request("/api/events", null)
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    String[] type = {""};
                    r.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            type[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:") && type[0].equals("hello")) {
                            hello.add(line);
                        } else if (line.startsWith("data:") && type[0].equals("freshness")) {
                            try {
                                queue.add(JSON.readTree(line.substring(5).strip()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
                });
            assertThat(hello.poll(30, TimeUnit.SECONDS)).as("connected to /api/events").isNotNull();
            return new Events(queue);
        }

        JsonNode next(java.util.function.Predicate<JsonNode> matching) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            for (JsonNode e = queue.poll(30, TimeUnit.SECONDS); e != null; e = queue.poll(30, TimeUnit.SECONDS)) {
                if (matching.test(e)) {
                    return e;
                }
                seen.add(e);
            }
            throw new AssertionError("no matching freshness event; saw " + seen);
        }
    }
}
