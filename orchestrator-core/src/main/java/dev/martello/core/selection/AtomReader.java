package dev.martello.core.selection;

import dev.martello.core.graph.Suggestions;
import dev.martello.core.selection.Selection.KindFilter.Kind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one word into an atom: a key pattern or a {@code prefix:value} filter. Characters are checked here, at
 * parse time, so a typo is reported at its column rather than as an empty selection later.
 */
final class AtomReader {
    private static final List<String> PREFIXES = List.of("mart", "owner", "tag", "kind");
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_./*";
    private static final String MART_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_*";
    // Team names and e-mail addresses (see Owner), plus ':' for 'team:x' and '*' for wildcards.
    private static final String OWNER_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_.-@%:*";

    private final String input;

    AtomReader(String input) {
        this.input = input;
    }

    Selection read(Token word) {
        String text = word.text();
        int colon = text.indexOf(':');
        if (colon < 0) {
            check(text, word.column(), KEY_CHARS, "a key; keys are 'mart/name' for assets and 'schema.table' for"
                + " sources, with '*' as a wildcard");
            return new Selection.KeyPattern(text);
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1);
        int at = word.column() + colon + 1;
        return switch (prefix) {
            case "mart" -> {
                need(value, at, "'mart:' needs a mart name, e.g. 'mart:commerce'.");
                check(value, at, MART_CHARS, "a mart name; mart names hold letters, digits, '_' and '*'");
                yield new Selection.MartFilter(value);
            }
            case "owner" -> {
                need(value, at, "'owner:' needs an owner, e.g. 'owner:commerce-data' or 'owner:ana@example.com'.");
                check(value, at, OWNER_CHARS, "an owner; owners are team names, 'team:name' or e-mail addresses");
                yield new Selection.OwnerFilter(value);
            }
            case "tag" -> tag(value, at);
            case "kind" -> kind(value, at);
            default -> throw unknownPrefix(text.substring(0, colon), word.column());
        };
    }

    private Selection tag(String value, int at) {
        int eq = value.indexOf('=');
        String name = eq < 0 ? value : value.substring(0, eq);
        need(name, at, "'tag:' needs a tag name, e.g. 'tag:pii' or 'tag:tier=1'.");
        if (eq < 0) {
            return new Selection.TagFilter(name, null);
        }
        need(value.substring(eq + 1), at + eq + 1, "'tag:" + name + "=' needs a value, e.g. 'tag:" + name + "=1', or"
            + " write 'tag:" + name + "' for any value.");
        return new Selection.TagFilter(name, value.substring(eq + 1));
    }

    private Selection kind(String value, int at) {
        String allowed = Arrays.stream(Kind.values()).map(Kind::label).collect(Collectors.joining(", "));
        need(value, at, "'kind:' needs a kind: " + allowed + ".");
        String wanted = value.toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.label().equals(wanted)) {
                return new Selection.KindFilter(k);
            }
        }
        List<String> labels = Arrays.stream(Kind.values()).map(Kind::label).toList();
        throw new SelectionSyntaxException(input, at, "unknown kind '" + value + "'; the kinds are " + allowed + "."
            + didYouMean(Suggestions.closest(wanted, labels)));
    }

    private SelectionSyntaxException unknownPrefix(String prefix, int column) {
        Optional<String> close = Suggestions.closest(prefix.toLowerCase(Locale.ROOT), PREFIXES).map(p -> p + ":");
        return new SelectionSyntaxException(input, column, "unknown prefix '" + prefix + ":'; the prefixes are mart:,"
            + " owner:, tag: and kind:." + didYouMean(close));
    }

    private void need(String value, int column, String problem) {
        if (value.isEmpty()) {
            throw new SelectionSyntaxException(input, column, problem);
        }
    }

    /** Fails at the first character of {@code text} outside {@code allowed} (compared in lower case). */
    private void check(String text, int column, String allowed, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed.indexOf(Character.toLowerCase(c)) < 0) {
                throw new SelectionSyntaxException(input, column + i, "'" + c + "' cannot appear in " + what + ".");
            }
        }
    }

    private static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(s -> " Did you mean '" + s + "'?").orElse("");
    }
}
