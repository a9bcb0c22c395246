package dev.martello.web;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceLoader;
import dev.martello.web.auth.AuthConfig;
import dev.martello.web.auth.Role;
import dev.martello.web.auth.SecretHasher;
import dev.martello.web.freshness.FreshnessSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real server on port 0 over the CLI tests' shop workspace (DuckDB warehouse and H2 store in a temp folder), with
 * a viewer and an operator user and one token of each role.
 */
public final class TestServer implements AutoCloseable {
    public static final String VIEWER = "vera";
    public static final String VIEWER_PASSWORD = "vera-password";
    public static final String OPERATOR = "otto";
    public static final String OPERATOR_PASSWORD = "otto-password";
    public static final String VIEWER_TOKEN = "viewer-token-0123456789";
    public static final String OPERATOR_TOKEN = "operator-token-0123456789";
    private static final String CORE = "dev.martello.cli.fixtures.ShopMarts$Core";

    public final MartelloServer server;
    public final HostedWorkspace hosted;
    public final HttpClient http = HttpClient.newHttpClient();

    private TestServer(MartelloServer server, HostedWorkspace hosted) {
        this.server = server;
        this.hosted = hosted;
    }

    public static AuthConfig auth() {
        return AuthConfig.of(
            List.of(new AuthConfig.User(VIEWER, Role.VIEWER, SecretHasher.hash(VIEWER_PASSWORD.toCharArray())),
                new AuthConfig.User(OPERATOR, Role.OPERATOR, SecretHasher.hash(OPERATOR_PASSWORD.toCharArray()))),
            List.of(new AuthConfig.Token("viewer-bot", Role.VIEWER, SecretHasher.hash(VIEWER_TOKEN.toCharArray())),
                new AuthConfig.Token("ci", Role.OPERATOR, SecretHasher.hash(OPERATOR_TOKEN.toCharArray()))));
    }

    public static TestServer start(Path dir, AuthConfig auth) {
        return start(dir, auth, CORE);
    }

    public static TestServer start(Path dir, AuthConfig auth, String coreMart) {
        return start(dir, auth, coreMart, Clock.systemUTC());
    }

    public static TestServer start(Path dir, AuthConfig auth, String coreMart, Clock clock) {
        return start(dir, auth, coreMart, clock, FreshnessSource.SERVER);
    }

    /**
     * @param clock     what the runtime plans partitions by and the server judges freshness by
     * @param freshness whether the server records freshness transitions or leaves that to a daemon
     */
    public static TestServer start(Path dir, AuthConfig auth, String coreMart, Clock clock,
                                   FreshnessSource freshness) {
        try {
            Files.writeString(dir.resolve("workspace.yaml"), """
                name: shop
                marts:
                  classes:
                    - dev.martello.cli.fixtures.ShopMarts$Commerce
                    - %s
                seed:
                  class: dev.martello.cli.fixtures.ShopSeed
                """.formatted(coreMart));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkspaceSource source = new WorkspaceSource() {
            @Override
            public Workspace load() {
                return new WorkspaceLoader().load(dir);
            }

            @Override
            public WorkspaceRuntime open(Workspace workspace) {
                return WorkspaceRuntime.open(workspace, RuntimeSettings.defaults().withSeedSources(true)
                    .withClock(clock).withNotices(line -> { }));
            }
        };
        HostedWorkspace hosted = HostedWorkspace.of(source.open(source.load()), source, freshness, clock);
        return new TestServer(MartelloServer.start(new ServerConfig("127.0.0.1", 0, auth), List.of(hosted)), hosted);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
