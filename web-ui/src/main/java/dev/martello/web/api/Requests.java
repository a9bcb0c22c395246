package dev.martello.web.api;

import io.javalin.http.Context;

import java.util.Map;

/** Query parameters read with a clear 400 when one is malformed or out of range. */
public final class Requests {
    private Requests() {
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw new ApiException(400, "INVALID_PARAMETER", "Query parameter '" + name + "' must be a whole number from "
            + min + " to " + max + ", not '" + raw + "'.", Map.of("parameter", name, "value", raw));
    }

    /** A query parameter, or null when absent or blank. */
    public static String param(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
