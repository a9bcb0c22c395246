package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention for what the engine builds beside an asset: versions {@code <name>__v<run>_<nonce>} in the
 * asset's schema, and session-private partition staging tables {@code <name>__p<run>_<nonce>}. The run id makes a
 * leftover traceable; the nonce keeps a retry within the same run from colliding with the version it published.
 *
 * @param base the asset's name, shortened (with a hash, to stay unique) when a suffix would pass the length limit
 */
record VersionNames(String schema, String name, String base) {
    /** PostgreSQL silently truncates longer identifiers, which would make two versions one. */
    static final int MAX_IDENTIFIER = 63;
    private static final int MAX_TAG = 16;
    private static final int NONCE = 4;
    private static final int MAX_BASE = MAX_IDENTIFIER - "__v".length() - MAX_TAG - 1 - NONCE;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    static VersionNames of(AssetKey key) {
        return of(key.schema(), key.table());
    }

    static VersionNames of(String schema, String name) {
        String base = name.length() <= MAX_BASE ? name : name.substring(0, MAX_BASE - 7) + "_" + hash(name);
        return new VersionNames(schema, name, base);
    }

    /** A new name for a version built by {@code runId}. */
    String version(String runId) {
        return base + "__v" + tag(runId) + "_" + nonce();
    }

    /** A new name for a partition's staging table built by {@code runId}. */
    String staging(String runId) {
        return base + "__p" + tag(runId) + "_" + nonce();
    }

    /** Whether {@code table} is one of this asset's versions. */
    boolean isVersion(String table) {
        return versionPattern("^", "$").matcher(table).matches();
    }

    /** The first of this asset's versions named in {@code sql}, e.g. a view's definition. */
    Optional<String> findVersionIn(String sql) {
        Matcher m = versionPattern("(?<![a-z0-9_])", "(?![a-z0-9_])").matcher(sql);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** A LIKE pattern (escape character {@code !}) that every version's name matches. */
    String likeVersions() {
        return base.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "!_!_v%";
    }

    private Pattern versionPattern(String before, String after) {
        return Pattern.compile(before + Pattern.quote(base) + "__v[a-z0-9]{1," + MAX_TAG + "}_[a-z0-9]{" + NONCE + "}"
            + after);
    }

    private static String tag(String runId) {
        String t = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return t.isEmpty() ? "run" : t.substring(0, Math.min(MAX_TAG, t.length()));
    }

    private static String nonce() {
        StringBuilder b = new StringBuilder(NONCE);
        for (int i = 0; i < NONCE; i++) {
            b.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
