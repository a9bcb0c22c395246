package dev.martello.web.auth;

import dev.martello.web.api.ApiException;
import dev.martello.web.api.Route;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Log in (a session cookie), who am I (with the CSRF token the page sends back), log out. */
public final class SessionApi {
    private final Authenticator auth;

    public SessionApi(Authenticator auth) {
        this.auth = auth;
    }

    /** The login form's body. */
    public record Login(String user, String password) {
    }

    public List<Route> routes() {
        return List.of(
            Route.get("/api/session", null, "session", "Show who is logged in", List.of(), this::me),
            Route.post("/api/session", null, "session", "Log in", "{user, password}", this::login),
            Route.delete("/api/session", null, "session", "Log out", this::logout));
    }

    private void me(Context ctx) {
        Principal p = auth.identify(ctx).orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED",
            "Nobody is logged in; log in at /login.html."));
        ctx.json(view(p, auth.open()));
    }

    private void login(Context ctx) {
        Login body = ctx.bodyAsClass(Login.class);
        if (body == null || body.user() == null || body.password() == null) {
            throw ApiException.badRequest("INVALID_BODY", "Send {\"user\": …, \"password\": …}.");
        }
        ctx.json(view(auth.login(ctx, body.user(), body.password().toCharArray()), auth.open()));
    }

    private void logout(Context ctx) {
        auth.logout(ctx);
        ctx.status(204);
    }

    private static Map<String, Object> view(Principal p, boolean open) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", p.name());
        m.put("role", p.role().label());
        m.put("via", p.via().name().toLowerCase(java.util.Locale.ROOT));
        m.put("csrfToken", p.csrfToken());
        m.put("open", open);
        return m;
    }
}
