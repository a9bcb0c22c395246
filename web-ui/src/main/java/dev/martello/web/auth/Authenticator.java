package dev.martello.web.auth;

import dev.martello.web.api.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides who a request is from and whether they may do what they ask. Bearer tokens are checked against their
 * PBKDF2 hashes once, then remembered by the SHA-256 of the presented secret (so a busy API client does not pay
 * 200 ms of hashing per request); cookie sessions must echo their CSRF token in {@value #CSRF_HEADER} on every
 * request that changes something.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "martello_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Compared against when a user is unknown, so a login takes as long for a wrong name as for a wrong password. */
    private static final String DUMMY_HASH = SecretHasher.hash("not a password".toCharArray(), 1000);

    private final AuthConfig config;
    private final Sessions sessions;
    private final Map<String, Principal> verifiedTokens = new ConcurrentHashMap<>();

    public Authenticator(AuthConfig config, Clock clock) {
        this.config = config;
        this.sessions = new Sessions(config.sessionTimeout(), clock);
    }

    public boolean open() {
        return config.open();
    }

    /** Who sent the request, if anyone we know. */
    public Optional<Principal> identify(Context ctx) {
        if (config.open()) {
            return Optional.of(Principal.open());
        }
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return token(header.substring(7).trim());
        }
        return sessions.find(ctx.cookie(SESSION_COOKIE))
            .map(s -> new Principal(s.user(), s.role(), Principal.Via.SESSION, s.csrfToken()));
    }

    /**
     * The principal, when it has {@code role}; otherwise a 401 (nobody we know) or 403 (known, but not allowed, or a
     * cookie request without its CSRF token). {@code action} names what was asked, for the message.
     */
    public Principal require(Context ctx, Role role, String action) {
        Principal p = identify(ctx).orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED",
            "Log in, or send 'Authorization: Bearer <token>', to " + action + ".", Map.of("requiredRole", role.label())));
        if (p.via() == Principal.Via.SESSION && !SAFE_METHODS.contains(ctx.method().name())
            && !MessageDigest.isEqual(bytes(p.csrfToken()), bytes(ctx.header(CSRF_HEADER)))) {
            throw new ApiException(403, "CSRF_TOKEN_INVALID", "This request changes something and came with a session"
                + " cookie but without its CSRF token: send the token from GET /api/session in the " + CSRF_HEADER
                + " header.", Map.of());
        }
        if (!p.role().includes(role)) {
            throw new ApiException(403, "FORBIDDEN", "To " + action + " you need the " + role.label() + " role; '"
                + p.name() + "' is " + article(p.role()) + " " + p.role().label() + ".",
                Map.of("requiredRole", role.label(), "role", p.role().label()));
        }
        return p;
    }

    /** Checks a user's password and opens a session, setting its cookie; one message for every kind of failure. */
    public Principal login(Context ctx, String user, char[] password) {
        AuthConfig.User found = config.users().stream().filter(u -> u.name().equals(user)).findFirst().orElse(null);
        boolean ok = SecretHasher.matches(password, found == null ? DUMMY_HASH : found.passwordHash()) && found != null;
        if (!ok) {
            throw new ApiException(401, "INVALID_CREDENTIALS", "Unknown user or wrong password.");
        }
        Sessions.Session s = sessions.open(found.name(), found.role());
        Cookie cookie = new Cookie(SESSION_COOKIE, s.id(), "/", (int) config.sessionTimeout().toSeconds(),
            ctx.scheme().equals("https"), 0, true, null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        return new Principal(s.user(), s.role(), Principal.Via.SESSION, s.csrfToken());
    }

    public void logout(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
    }

    private Optional<Principal> token(String secret) {
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String digest = sha256(secret);
        Principal cached = verifiedTokens.get(digest);
        if (cached != null) {
            return Optional.of(cached);
        }
        char[] chars = secret.toCharArray();
        for (AuthConfig.Token t : config.tokens()) {
            if (SecretHasher.matches(chars, t.secretHash())) {
                Principal p = new Principal(t.name(), t.role(), Principal.Via.TOKEN, null);
                verifiedTokens.put(digest, p);
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String article(Role role) {
        return role == Role.VIEWER ? "a" : "an";
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }
}
