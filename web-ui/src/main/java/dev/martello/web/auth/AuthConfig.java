package dev.martello.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who may use the server: users (name, role, hashed password) who log in for a cookie session, and API tokens
 * (name, role, hashed secret) sent as {@code Authorization: Bearer <secret>}. {@code open} lets everyone in as admin,
 * for {@code martello dev} on a laptop; a server that needs auth is given users or tokens.
 */
public record AuthConfig(Boolean open, List<User> users, List<Token> tokens, Duration sessionTimeout) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(12);

    public AuthConfig {
        open = Boolean.TRUE.equals(open);
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        sessionTimeout = sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout;
    }

    public static AuthConfig openAccess() {
        return new AuthConfig(true, List.of(), List.of(), null);
    }

    public static AuthConfig of(List<User> users, List<Token> tokens) {
        return new AuthConfig(false, users, tokens, null);
    }

    /** A person who logs in on the login page; {@code passwordHash} as {@link SecretHasher#hash} writes it. */
    public record User(@JsonProperty(required = true) String name, @JsonProperty(required = true) Role role,
                       @JsonProperty(required = true) String passwordHash) {
        public User {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }
    }

    /** An API client; {@code secretHash} as {@link SecretHasher#hash} writes it. */
    public record Token(@JsonProperty(required = true) String name, @JsonProperty(required = true) Role role,
                        @JsonProperty(required = true) String secretHash) {
        public Token {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(secretHash, "secretHash");
        }
    }
}
