package dev.martello.web.api;

import dev.martello.web.auth.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Objects;

/**
 * One API route: method, path (Javalin syntax, {@code {param}}), the role it needs (null: public), what it does (the
 * OpenAPI summary, and the action named in a 401/403 message), its query parameters and the handler. The server
 * registers routes and writes {@code /api/openapi.json} from the same list, so they cannot drift apart.
 */
public record Route(HandlerType method, String path, Role role, String tag, String summary, List<Param> query,
                    String body, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        query = List.copyOf(query);
    }

    /** A query parameter, for the OpenAPI document. */
    public record Param(String name, String type, String description) {
    }

    public static Param param(String name, String type, String description) {
        return new Param(name, type, description);
    }

    public static Route get(String path, Role role, String tag, String summary, List<Param> query, Handler handler) {
        return new Route(HandlerType.GET, path, role, tag, summary, query, null, handler);
    }

    /** {@code body} describes the JSON body in one sentence, or is null when there is none. */
    public static Route post(String path, Role role, String tag, String summary, String body, Handler handler) {
        return new Route(HandlerType.POST, path, role, tag, summary, List.of(), body, handler);
    }

    public static Route delete(String path, Role role, String tag, String summary, Handler handler) {
        return new Route(HandlerType.DELETE, path, role, tag, summary, List.of(), null, handler);
    }

    /** The action in words for auth messages: {@code launch a materialization}. */
    public String action() {
        String words = summary.endsWith(".") ? summary.substring(0, summary.length() - 1) : summary;
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }
}
