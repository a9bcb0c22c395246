package dev.martello.dsl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Default code versions: a hash of the normalised SQL and the configuration, so reformatting SQL does not make an
 * asset stale but changing its logic, columns or checks does. Java assets hash their mart class and configuration;
 * give them an explicit {@code codeVersion} when their logic changes.
 */
final class CodeVersions {
    /** One digest per thread: looking the algorithm up again for every asset showed in the load profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private CodeVersions() {
    }

    static String of(Compute compute, String configuration, Class<?> definingClass) {
        String body = switch (compute) {
            case Compute.Sql sql -> "sql:" + sql.template().normalised();
            case Compute.Java java -> "java:" + definingClass.getName();
        };
        byte[] hash = SHA_256.get().digest((body + "\n" + configuration).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }
}
