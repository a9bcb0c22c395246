package dev.martello.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.cli.fixtures.GatedMart;
import dev.martello.web.Json;
import dev.martello.web.auth.SecretHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code martello serve} end to end in this process: the real daemon (H2 metadata store, Quartz job store, run queue)
 * with the web server over it on port 0, driven through the API with bearer tokens.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ServeTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String VIEWER = "viewer-token-0123456789";
    private static final String OPERATOR = "operator-token-0123456789";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path workspace() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(ws.resolve("workspace.yaml"), """
            name: shop
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$AutomatedCore
                - dev.martello.cli.fixtures.GatedMart
            seed:
              class: dev.martello.cli.fixtures.ShopSeed
            runs:
              maxConcurrent: 1
            schedules:
              - name: nightly
                cron: "30 2 * * *"
                timezone: Europe/Zurich
                select: "core/gmv_daily"
            """);
        return ws;
    }

    private Path brokenWorkspace() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(ws.resolve("workspace.yaml"), """
            name: broken
            marts:
              classes:
                - dev.martello.cli.fixtures.ShopMarts$Commerce
                - dev.martello.cli.fixtures.ShopMarts$BrokenCore
            """);
        return ws;
    }

    private Path serverConfig() throws IOException {
        return Files.writeString(dir.resolve("server.yaml"), """
            auth:
              tokens:
                - { name: viewer-bot, role: viewer, secretHash: "%s" }
                - { name: ci, role: operator, secretHash: "%s" }
            """.formatted(SecretHasher.hash(VIEWER.toCharArray()), SecretHasher.hash(OPERATOR.toCharArray())));
    }

    /** Parses a serve command line as {@code martello} does and starts it without blocking. */
    private ServeCommand.Serving serve(String... args) throws ServeCommand.NotStarted {
        CommandLine cmd = Martello.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        CommandLine.ParseResult parsed = cmd.parseArgs(args);
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).open();
    }

    private HttpResponse<String> call(ServeCommand.Serving s, String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.web().port() + path))
            .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> launch(ServeCommand.Serving s, String select) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.web().port()
                + "/api/workspaces/shop/runs"))
            .header("Authorization", "Bearer " + OPERATOR).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"select\": \"" + select + "\"}")).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String status(ServeCommand.Serving s, String runId) throws IOException {
        return ok(call(s, "GET", "/api/workspaces/shop/runs/" + runId, VIEWER), 200).get("run").get("status")
            .asText();
    }

    private String awaitStatus(ServeCommand.Serving s, String runId, String wanted) throws Exception {
        String now = status(s, runId);
        while (!now.equals(wanted)) {
            assertThat(now).as("run " + runId + " on its way to " + wanted).isIn("QUEUED", "STARTED");
            Thread.sleep(50);
            now = status(s, runId);
        }
        return now;
    }

    @Test
    void refusesToServeWithoutAuthUnlessInsecure() throws Exception {
        Path ws = workspace();
        CliTest.Result refused = CliTest.run("serve", "-w", ws.toString(), "--port", "0");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("martello serve refuses to start without authentication: no --config was"
            + " given, so the server has no users and no tokens, so anyone who reaches 127.0.0.1:0 could launch,"
            + " cancel and pause. Give --config server.yaml with auth.users or auth.tokens (hash their secrets with"
            + " 'martello hash-secret'), or pass --insecure to serve without login on a trusted network.\n");

        try (ServeCommand.Serving s = serve("serve", "-w", ws.toString(), "--port", "0", "--insecure")) {
            JsonNode list = ok(call(s, "GET", "/api/workspaces", null), 200);
            assertThat(list.get(0).get("name").asText()).isEqualTo("shop");
            assertThat(list.get(0).get("scheduler").asBoolean()).isTrue();
            assertThat(ok(call(s, "GET", "/api/session", null), 200).get("open").asBoolean()).isTrue();
        }
    }

    @Test
    void schedulesShowTicksAndAPauseSurvivesARestart() throws Exception {
        Path ws = workspace();
        String cfg = serverConfig().toString();
        try (ServeCommand.Serving s = serve("serve", "-w", ws.toString(), "-w", brokenWorkspace().toString(),
            "-c", cfg, "--port", "0", "--grace", "5")) {
            assertThat(call(s, "GET", "/api/workspaces/shop/schedules", null).statusCode()).isEqualTo(401);
            JsonNode list = ok(call(s, "GET", "/api/workspaces/shop/schedules", VIEWER), 200);
            JsonNode nightly = list.get("items").get(0);
            assertThat(nightly.get("name").asText()).isEqualTo("nightly");
            assertThat(nightly.get("cron").asText()).isEqualTo("30 2 * * *");
            assertThat(nightly.get("timezone").asText()).isEqualTo("Europe/Zurich");
            assertThat(nightly.get("selection").asText()).isEqualTo("core/gmv_daily");
            assertThat(nightly.get("paused").asBoolean()).isFalse();
            assertThat(Instant.parse(nightly.get("nextTick").asText())).isAfter(Instant.now());
            assertThat(nightly.get("lastTick").isNull()).isTrue();
            JsonNode automation = list.get("automation");
            assertThat(automation).hasSize(1);
            assertThat(automation.get(0).get("asset").asText()).isEqualTo("core/gmv_daily");
            assertThat(automation.get(0).get("policy").asText()).isEqualTo("eager");

            JsonNode forbidden = ok(call(s, "POST", "/api/workspaces/shop/schedules/nightly/pause", VIEWER), 403);
            assertThat(forbidden.get("code").asText()).isEqualTo("FORBIDDEN");
            JsonNode unknown = ok(call(s, "POST", "/api/workspaces/shop/schedules/nighly/pause", OPERATOR), 404);
            assertThat(unknown.get("message").asText())
                .isEqualTo("Workspace 'shop' has no schedule 'nighly'. Its schedules: nightly.");
            JsonNode paused = ok(call(s, "POST", "/api/workspaces/shop/schedules/nightly/pause", OPERATOR), 200);
            assertThat(paused.get("paused").asBoolean()).isTrue();
            assertThat(paused.get("nextTick").isNull()).isTrue();

            JsonNode workspaces = ok(call(s, "GET", "/api/workspaces", VIEWER), 200);
            assertThat(workspaces).hasSize(2);
            JsonNode broken = workspaces.get(1);
            assertThat(broken.get("name").asText()).isEqualTo("broken");
            assertThat(broken.get("running").asBoolean()).isFalse();
            assertThat(broken.get("problems").toString()).contains("commerce/order").contains("Did you mean");
            assertThat(ok(call(s, "GET", "/api/workspaces/broken/assets", VIEWER), 409).get("code").asText())
                .isEqualTo("WORKSPACE_BROKEN");
        }
        try (ServeCommand.Serving s = serve("serve", "-w", ws.toString(), "-c", cfg, "--port", "0")) {
            JsonNode nightly = ok(call(s, "GET", "/api/workspaces/shop/schedules", VIEWER), 200).get("items").get(0);
            assertThat(nightly.get("paused").asBoolean()).as("paused across a restart").isTrue();
            JsonNode resumed = ok(call(s, "POST", "/api/workspaces/shop/schedules/nightly/resume", OPERATOR), 200);
            assertThat(resumed.get("paused").asBoolean()).isFalse();
            assertThat(Instant.parse(resumed.get("nextTick").asText())).isAfter(Instant.now());
        }
        try (ServeCommand.Serving s = serve("serve", "-w", ws.toString(), "-c", cfg, "--port", "0")) {
            assertThat(ok(call(s, "GET", "/api/workspaces/shop/schedules", VIEWER), 200).get("items").get(0)
                .get("paused").asBoolean()).isFalse();
        }
    }

    @Test
    void launchesGoThroughTheDaemonsQueueAndTheServerFollowsAReload() throws Exception {
        GatedMart.GATE = new CountDownLatch(1);
        Path ws = workspace();
        try (ServeCommand.Serving s = serve("serve", "-w", ws.toString(), "-c", serverConfig().toString(),
            "--port", "0", "--grace", "5")) {
            JsonNode held = ok(launch(s, "gated/slow"), 201);
            assertThat(held.get("state").asText()).isEqualTo("QUEUED");
            String heldId = held.get("runId").asText();
            awaitStatus(s, heldId, "STARTED");
            assertThat(ok(call(s, "GET", "/api/workspaces/shop/runs/" + heldId, VIEWER), 200).get("cancellable")
                .asBoolean()).isTrue();

            // runs.maxConcurrent is 1 and the held run takes it: the next launch waits in the queue
            String waiting = ok(launch(s, "commerce/orders"), 201).get("runId").asText();
            assertThat(status(s, waiting)).isEqualTo("QUEUED");
            JsonNode run = ok(call(s, "GET", "/api/workspaces/shop/runs/" + waiting, VIEWER), 200);
            assertThat(run.get("run").get("trigger").asText()).isEqualTo("manual:ci");
            assertThat(run.get("cancellable").asBoolean()).isTrue();
            assertThat(ok(call(s, "POST", "/api/workspaces/shop/runs/" + waiting + "/cancel", OPERATOR), 202)
                .get("state").asText()).isEqualTo("CANCELLING");
            assertThat(status(s, waiting)).isEqualTo("CANCELED");

            String next = ok(launch(s, "commerce/orders"), 201).get("runId").asText();
            assertThat(status(s, next)).isEqualTo("QUEUED");
            GatedMart.GATE.countDown();
            awaitStatus(s, heldId, "SUCCEEDED");
            awaitStatus(s, next, "SUCCEEDED");

            // a reload through the API goes to the daemon; the server then reads the new runtime
            JsonNode reloaded = ok(call(s, "POST", "/api/workspaces/shop/reload", OPERATOR), 200);
            assertThat(reloaded.get("running").asBoolean()).isTrue();
            assertThat(s.daemon().workspace(ws).orElseThrow().runtime()).isNotNull();
            JsonNode orders = ok(call(s, "GET", "/api/workspaces/shop/assets/commerce/orders", VIEWER), 200);
            assertThat(orders.get("summary").get("staleness").asText()).isEqualTo("UP_TO_DATE");
            assertThat(status(s, next)).isEqualTo("SUCCEEDED");
        } finally {
            GatedMart.GATE.countDown();
        }
    }
}
