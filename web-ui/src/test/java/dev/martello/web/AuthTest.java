package dev.martello.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.web.api.Route;
import dev.martello.web.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, tokens, sessions and CSRF on a real server; every protected route answers 401 and, below its role, 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest {
    private static final ObjectMapper JSON = Json.mapper();
    @TempDir
    static Path dir;
    TestServer t;

    @BeforeAll
    void start() {
        t = TestServer.start(dir, TestServer.auth());
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private static String concrete(String path) {
        return path.replace("{ws}", "shop").replace("{mart}", "core").replace("{name}", "gmv_daily")
            .replace("{runId}", "r0000000000").replace("{schedule}", "daily");
    }

    private HttpResponse<String> call(Route r, String token) {
        HttpRequest.Builder b = t.request(concrete(r.path()), token);
        return t.send(switch (r.method()) {
            case GET -> b.GET().build();
            case DELETE -> b.DELETE().build();
            default -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"select\":\"core/gmv_daily\"}")).build();
        });
    }

    @Test
    void everyProtectedRouteNeedsCredentialsAndItsRole() throws Exception {
        for (Route r : t.server.routes()) {
            if (r.role() == null) {
                continue;
            }
            HttpResponse<String> anonymous = call(r, null);
            assertThat(anonymous.statusCode()).as(r.method() + " " + r.path()).isEqualTo(401);
            assertThat(JSON.readTree(anonymous.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(call(r, "wrong-token-0123456789").statusCode()).isEqualTo(401);
            if (r.role() == Role.OPERATOR) {
                HttpResponse<String> viewer = call(r, TestServer.VIEWER_TOKEN);
                assertThat(viewer.statusCode()).as(r.method() + " " + r.path()).isEqualTo(403);
                assertThat(JSON.readTree(viewer.body()).get("message").asText())
                    .isEqualTo("To " + r.action() + " you need the operator role; 'viewer-bot' is a viewer.");
            } else {
                assertThat(call(r, TestServer.VIEWER_TOKEN).statusCode()).as(r.method() + " " + r.path())
                    .isNotIn(401, 403);
            }
        }
        assertThat(t.get("/api/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorTokenLaunchesAndTheRunSucceeds() throws Exception {
        HttpResponse<String> r = t.post("/api/workspaces/shop/runs", TestServer.OPERATOR_TOKEN,
            "{\"select\":\"+core/gmv_daily\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
        JsonNode launch = JSON.readTree(r.body());
        assertThat(launch.get("steps").asInt()).isEqualTo(2);
        String runId = launch.get("runId").asText();
        JsonNode run;
        do {
            Thread.sleep(100);
            run = JSON.readTree(t.get("/api/workspaces/shop/runs/" + runId, TestServer.VIEWER_TOKEN).body());
        } while (!run.get("run").get("status").asText().matches("SUCCEEDED|FAILED|CANCELED"));
        assertThat(run.get("run").get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("run").get("trigger").asText()).isEqualTo("manual:ci");
        assertThat(run.get("steps")).hasSize(2);
        JsonNode history = JSON.readTree(t.get("/api/workspaces/shop/assets/commerce/orders/materializations",
            TestServer.VIEWER_TOKEN).body());
        assertThat(history.get(0).get("runId").asText()).isEqualTo(runId);
        assertThat(history.get(0).get("rows").asLong()).isEqualTo(3);
        JsonNode orders = JSON.readTree(t.get("/api/workspaces/shop/assets?q=commerce/orders",
            TestServer.VIEWER_TOKEN).body()).get("items").get(0);
        assertThat(orders.get("freshness").get("state").asText()).isEqualTo("PASS");
        assertThat(orders.get("staleness").asText()).isEqualTo("UP_TO_DATE");
        HttpResponse<String> cancel = t.post("/api/workspaces/shop/runs/" + runId + "/cancel",
            TestServer.OPERATOR_TOKEN, "{}");
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(cancel.body()).get("code").asText()).isEqualTo("RUN_NOT_ACTIVE");
    }

    @Test
    void aSessionCookieNeedsItsCsrfTokenToChangeAnything() throws Exception {
        HttpResponse<String> wrong = t.post("/api/session", null, "{\"user\":\"otto\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("message").asText()).isEqualTo("Unknown user or wrong password.");
        assertThat(t.post("/api/session", null, "{\"user\":\"nobody\",\"password\":\"x\"}").statusCode())
            .isEqualTo(401);

        HttpResponse<String> login = t.post("/api/session", null,
            "{\"user\":\"otto\",\"password\":\"" + TestServer.OPERATOR_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.split(";")[0];
        JsonNode me = JSON.readTree(login.body());
        assertThat(me.get("role").asText()).isEqualTo("operator");
        String csrf = me.get("csrfToken").asText();

        HttpResponse<String> read = t.send(t.request("/api/workspaces/shop/runs", null).header("Cookie", cookie)
            .GET().build());
        assertThat(read.statusCode()).isEqualTo(200);
        HttpRequest.Builder reload = t.request("/api/workspaces/shop/reload", null).header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> noCsrf = t.send(reload.build());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(noCsrf.body()).get("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
        HttpResponse<String> withCsrf = t.send(t.request("/api/workspaces/shop/reload", null).header("Cookie", cookie)
            .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(200);

        t.send(t.request("/api/session", null).header("Cookie", cookie).DELETE().build());
        assertThat(t.send(t.request("/api/workspaces/shop/runs", null).header("Cookie", cookie).GET().build())
            .statusCode()).isEqualTo(401);
    }
}
