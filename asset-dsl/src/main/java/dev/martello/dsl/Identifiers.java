package dev.martello.dsl;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises names once, so every key in the system has one spelling: trimmed, lower case, SQL-safe. */
final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isIdentifier(String normalised) {
        return IDENTIFIER.matcher(normalised).matches();
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
