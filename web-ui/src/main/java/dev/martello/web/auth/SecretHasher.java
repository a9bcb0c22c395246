package dev.martello.web.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes passwords and API tokens for the server configuration with the JDK's PBKDF2-HMAC-SHA256, so the file never
 * holds a usable secret. The stored form is {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>};
 * {@code martello hash-secret} prints one.
 */
public final class SecretHasher {
    public static final String PREFIX = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHasher() {
    }

    public static String hash(char[] secret) {
        return hash(secret, ITERATIONS);
    }

    static String hash(char[] secret, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
            + b64.encodeToString(derive(secret, salt, iterations));
    }

    /** Whether {@code secret} matches {@code stored}; compares in constant time. */
    public static boolean matches(char[] secret, String stored) {
        String[] parts = stored.split("\\$");
        if (!isWellFormed(stored)) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(secret, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    /** Whether {@code stored} has the form {@link #hash} writes, for the configuration reader's errors. */
    public static boolean isWellFormed(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].matches("[1-9][0-9]{3,8}")) {
            return false;
        }
        try {
            Base64.getDecoder().decode(parts[2]);
            return Base64.getDecoder().decode(parts[3]).length == HASH_BITS / 8;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
