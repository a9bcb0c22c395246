package dev.martello.web.auth;

import java.util.Objects;

/**
 * Who a request is from: a user with a cookie session (then {@code csrfToken} guards its unsafe requests), a bearer
 * token (no CSRF: a browser never sends it by itself), or everyone when the server runs open.
 */
public record Principal(String name, Role role, Via via, String csrfToken) {
    public enum Via { SESSION, TOKEN, OPEN }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
    }

    /** The principal of an open (development) server: everyone may do everything. */
    public static Principal open() {
        return new Principal("anonymous", Role.ADMIN, Via.OPEN, null);
    }
}
