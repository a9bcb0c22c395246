package dev.martello.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the OpenAPI 3.1 document from the route list: every path, method, parameter, the role needed, and the
 * error body every route may answer with.
 */
public final class OpenApi {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    public static Map<String, Object> document(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Martello API", "version", version, "description",
            "Assets, lineage, freshness and runs of the workspaces this server hosts. Errors are"
                + " {code, message, details}. Authenticate with a session cookie (then send X-CSRF-Token on"
                + " POST/DELETE) or 'Authorization: Bearer <token>'."));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Route r : routes) {
            paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>())
                .put(r.method().name().toLowerCase(Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
            "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("code", "message", "details"),
                "properties", Map.of(
                    "code", Map.of("type", "string", "description", "stable UPPER_SNAKE code"),
                    "message", Map.of("type", "string"),
                    "details", Map.of("type", "object")))),
            "securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "martello_session"))));
        return doc;
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.summary());
        if (r.tag() != null) {
            op.put("tags", List.of(r.tag()));
        }
        List<Map<String, Object>> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Route.Param p : r.query()) {
            params.add(Map.of("name", p.name(), "in", "query", "required", false, "description", p.description(),
                "schema", Map.of("type", p.type())));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.body() != null) {
            op.put("requestBody", Map.of("required", true, "description", r.body(),
                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        }
        if (r.role() == null) {
            op.put("security", List.of());
        } else {
            op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
            op.put("x-required-role", r.role().label());
        }
        Map<String, Object> error = Map.of("description", "error", "content",
            Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK"));
        responses.put("400", error);
        if (r.role() != null) {
            responses.put("401", error);
            responses.put("403", error);
        }
        responses.put("404", error);
        op.put("responses", responses);
        return op;
    }
}
