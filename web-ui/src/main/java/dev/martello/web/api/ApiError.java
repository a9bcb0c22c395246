package dev.martello.web.api;

import java.util.Map;
import java.util.Objects;

/**
 * The body of every error the API returns: a stable UPPER_SNAKE {@code code} clients can branch on, a sentence for
 * people, and structured {@code details} (e.g. the column of a selection syntax error). Never a stack trace.
 */
public record ApiError(String code, String message, Map<String, Object> details) {
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
