package dev.martello.dsl;

import java.util.Locale;

/** Normalises names once, so every key in the system has one spelling: trimmed, lower case, SQL-safe. */
final class Identifiers {
    /** PostgreSQL's limit on a name (63 bytes), the tightest of the warehouses. */
    private static final int MAX_LENGTH = 63;

    private Identifiers() {
    }

    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code [a-z_][a-z0-9_]{0,62}}, checked by hand: every key part of every asset goes through here. */
    static boolean isIdentifier(String normalised) {
        int n = normalised.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = normalised.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Checks one key part and says what is wrong in words an analyst can act on. */
    static String check(String part, String what, String raw) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " in '" + raw + "' is blank");
        }
        if (!isIdentifier(part)) {
            throw new IllegalArgumentException("the " + what + " '" + part + "' in '" + raw
                + "' is not a plain identifier: use letters, digits and underscores, starting with a letter"
                + " (it becomes a warehouse " + (what.equals("mart") || what.equals("schema") ? "schema" : "table")
                + " name)");
        }
        return part;
    }
}
