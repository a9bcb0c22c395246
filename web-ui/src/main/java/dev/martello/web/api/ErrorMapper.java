package dev.martello.web.api;

import com.fasterxml.jackson.core.JacksonException;
import dev.martello.core.selection.SelectionSyntaxException;
import dev.martello.core.selection.UnknownKeyException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place exceptions become HTTP answers: {@code {code, message, details}} with the right status. Unexpected
 * exceptions are logged with their stack trace on the server and answered with a 500 that names only a reference.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.body()));
        app.exception(SelectionSyntaxException.class, (e, ctx) -> send(ctx, 400, new ApiError("INVALID_SELECTION",
            e.getMessage(), Map.of("input", e.input(), "column", e.column(), "problem", e.problem()))));
        app.exception(UnknownKeyException.class, (e, ctx) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("key", e.name());
            e.suggestion().ifPresent(s -> details.put("didYouMean", s));
            send(ctx, 400, new ApiError("UNKNOWN_KEY", e.getMessage(), details));
        });
        app.exception(JacksonException.class, (e, ctx) -> send(ctx, 400, new ApiError("INVALID_BODY",
            "The request body is not the JSON this route expects: "
                + e.getOriginalMessage().lines().findFirst().orElse("") + ". See /api/openapi.json.", Map.of())));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(),
            new ApiError(codeOf(e.getStatus()), e.getMessage(), Map.of())));
        app.exception(Exception.class, (e, ctx) -> {
            String ref = Long.toString(System.nanoTime(), 36);
            LOG.error("Request {} {} failed (ref {})", ctx.method(), ctx.path(), ref, e);
            send(ctx, 500, new ApiError("INTERNAL", "The server failed while answering this request; its log has"
                + " the cause under reference " + ref + ".", Map.of("ref", ref)));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !ctx.res().isCommitted() && !"application/json".equals(
                ctx.res().getContentType())) {
                send(ctx, 404, new ApiError("NOT_FOUND", "No API route " + ctx.method() + " " + ctx.path()
                    + ". The routes are listed in /api/openapi.json.", Map.of()));
            }
        });
    }

    static void send(Context ctx, int status, ApiError error) {
        ctx.status(status).json(error);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            default -> "HTTP_" + status;
        };
    }
}
