package dev.martello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.web.api.ErrorMapper;
import dev.martello.web.api.OpenApi;
import dev.martello.web.api.Route;
import dev.martello.web.api.SystemApi;
import dev.martello.web.assets.AssetsApi;
import dev.martello.web.auth.Authenticator;
import dev.martello.web.auth.Principal;
import dev.martello.web.auth.SessionApi;
import dev.martello.web.freshness.FreshnessApi;
import dev.martello.web.lineage.LineageApi;
import dev.martello.web.runs.RunLauncher;
import dev.martello.web.runs.RunWatcher;
import dev.martello.web.runs.RunsApi;
import dev.martello.web.schedules.SchedulesApi;
import dev.martello.web.sse.EventHub;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Martello HTTP server: the REST API under {@code /api} (documented at {@code /api/openapi.json}), live events at
 * {@code /api/events}, and the web UI from the jar. The composition root ({@code martello dev}, {@code martello
 * serve}) starts it with the workspaces it hosts and the server configuration; the server owns the hosted workspaces
 * from then on, keeps their states and freshness fresh on a background thread ({@link Refresher}) and closes them
 * when it stops. Each hosted workspace says whether this server or a daemon records freshness transitions.
 *
 * <pre>{@code
 * try (MartelloServer server = MartelloServer.start(config, List.of(hosted))) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class MartelloServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    /** Concurrent materializations launched over the API, and how many more may wait. */
    static final int RUNNERS = 2;
    static final int QUEUED = 8;

    private final Javalin app;
    private final List<Route> routes;
    private final EventHub events;
    private final RunLauncher launcher;
    private final Workspaces workspaces;
    private final Refresher refresher;
    /** Live events for runs the daemon executes ({@code martello serve}); idle otherwise. */
    private RunWatcher watcher;

    private MartelloServer(Javalin app, List<Route> routes, EventHub events, RunLauncher launcher,
                           Workspaces workspaces, Refresher refresher) {
        this.app = app;
        this.routes = routes;
        this.events = events;
        this.launcher = launcher;
        this.workspaces = workspaces;
        this.refresher = refresher;
    }

    public static MartelloServer start(ServerConfig config, List<HostedWorkspace> hosted) {
        return start(config, hosted, Clock.systemUTC());
    }

    /** @param clock what sessions expire by (each hosted workspace judges freshness by its own clock) */
    public static MartelloServer start(ServerConfig config, List<HostedWorkspace> hosted, Clock clock) {
        ObjectMapper json = Json.mapper();
        Workspaces workspaces = new Workspaces(hosted);
        EventHub events = new EventHub(json);
        RunLauncher launcher = new RunLauncher(RUNNERS, QUEUED, events);
        Authenticator auth = new Authenticator(config.auth(), clock);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SessionApi(auth).routes());
        routes.addAll(new SystemApi(workspaces, launcher).routes());
        routes.addAll(new AssetsApi(workspaces, json).routes());
        routes.addAll(new LineageApi(workspaces, json).routes());
        routes.addAll(new FreshnessApi(workspaces, json).routes());
        routes.addAll(new RunsApi(workspaces, launcher, json).routes());
        routes.addAll(new SchedulesApi(workspaces, clock).routes());
        Map<String, Object> openApi = OpenApi.document(routes, VERSION);

        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.useVirtualThreads = true;
            c.jsonMapper(new JavalinJackson(json, true));
            c.http.defaultContentType = "application/json";
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "no-cache");
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:;"
                + " style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        });
        ErrorMapper.install(app);
        for (Route r : routes) {
            String action = r.action();
            app.addHttpHandler(r.method(), r.path(), ctx -> {
                if (r.role() != null) {
                    Principal p = auth.require(ctx, r.role(), action);
                    ctx.attribute(Principal.class.getName(), p);
                }
                r.handler().handle(ctx);
            });
        }
        app.get("/api/openapi.json", ctx -> ctx.json(openApi));
        app.before("/api/events", ctx -> auth.require(ctx, dev.martello.web.auth.Role.VIEWER, "follow live events"));
        app.sse("/api/events", events::connect);
        for (HostedWorkspace w : hosted) {
            if (w.notRunning()) {
                continue; // not running under the daemon: the server shows its problems
            }
            try {
                w.refresh(); // the first snapshot, so no request waits for it
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MartelloServer.class).warn("Workspace {} could not be refreshed: {}",
                    w.name(), e.getMessage());
            }
        }
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            launcher.close();
            events.close();
            throw e;
        }
        Refresher refresher = new Refresher(workspaces, events);
        MartelloServer server = new MartelloServer(app, List.copyOf(routes), events, launcher, workspaces, refresher);
        server.watcher = new RunWatcher(workspaces.all(), events);
        return server;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Every API route with its method, path and role, including the two served outside the route table. */
    public List<Route> routes() {
        return routes;
    }

    /** Every path Javalin serves, as {@code METHOD path}, for the test that keeps the OpenAPI document complete. */
    public List<String> registeredEndpoints() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
            .filter(h -> h.getEndpoint().getMethod().isHttpMethod())
            .map(h -> h.getEndpoint().getMethod().name() + " " + h.getEndpoint().getPath()).toList();
    }

    @Override
    public void close() {
        watcher.close();
        refresher.close();
        launcher.close();
        events.close();
        app.stop();
        for (HostedWorkspace w : workspaces.all()) {
            w.close();
        }
    }
}
