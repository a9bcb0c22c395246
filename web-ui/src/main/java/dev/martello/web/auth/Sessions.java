package dev.martello.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookie sessions of logged-in users, in memory: a restart logs everyone out, which is acceptable for a control
 * plane and keeps session secrets out of the database. Each session carries its own CSRF token.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String user, Role role, String csrfToken, Instant expiresAt) {
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;

    Sessions(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    Session open(String user, Role role) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> s.expiresAt().isBefore(now));
        Session s = new Session(randomToken(), user, role, randomToken(), now.plus(timeout));
        byId.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        Session s = id == null ? null : byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAt().isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
