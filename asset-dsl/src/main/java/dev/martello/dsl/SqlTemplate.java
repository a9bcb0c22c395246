package dev.martello.dsl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with placeholders, parsed once: {@code {{ ref('mart/name') }}} for an asset, {@code {{ source('schema.table') }}}
 * for a source, and the variables {@code this}, {@code partition_start}, {@code partition_end} and
 * {@code partition_key}. The engine renders it for one warehouse.
 *
 * <p>{@code select * from {{ ref('commerce/orders') }} where created_at >= {{ partition_start }}}
 */
public record SqlTemplate(String text, List<Part> parts) {
    /** The variables a template may use. */
    public static final List<String> VARIABLES = List.of("this", "partition_start", "partition_end", "partition_key");

    private static final Pattern CALL = Pattern.compile("\\s*(ref|source)\\s*\\(\\s*['\"]([^'\"]*)['\"]\\s*\\)\\s*");

    public SqlTemplate {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    public sealed interface Part {
    }

    public record Text(String sql) implements Part {
    }

    public record Ref(AssetKey key) implements Part {
    }

    public record Source(SourceKey key) implements Part {
    }

    public record Variable(String name) implements Part {
    }

    /**
     * Parses {@code text}; {@code mart} resolves bare {@code ref('name')}. Throws {@link IllegalArgumentException}
     * naming the placeholder and what is allowed.
     */
    public static SqlTemplate parse(String text, String mart) {
        List<Part> parts = new ArrayList<>();
        int last = 0;
        for (int open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", last)) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("an unclosed '{{' at SQL line " + lineOf(text, open)
                    + ": close it with '}}'");
            }
            if (open > last) {
                parts.add(new Text(text.substring(last, open)));
            }
            parts.add(placeholder(text.substring(open + 2, close), mart, text, open));
            last = close + 2;
        }
        if (last < text.length()) {
            parts.add(new Text(text.substring(last)));
        }
        return new SqlTemplate(text, parts);
    }

    /** {@code at}: where the placeholder starts in {@code text}, for the line an error names (counted only then). */
    private static Part placeholder(String inner, String mart, String text, int at) {
        String body = inner.strip();
        if (VARIABLES.contains(body)) {
            return new Variable(body);
        }
        Matcher call = CALL.matcher(inner);
        if (call.matches()) {
            String arg = call.group(2);
            try {
                if (call.group(1).equals("ref")) {
                    if (arg.contains(".") && !arg.contains("/")) {
                        throw new IllegalArgumentException("ref('" + arg + "') names a source, not an asset:"
                            + " write {{ source('" + arg + "') }}");
                    }
                    return new Ref(AssetKey.parse(arg, mart));
                }
                if (arg.contains("/")) {
                    throw new IllegalArgumentException("source('" + arg + "') names an asset, not a source:"
                        + " write {{ ref('" + arg + "') }}");
                }
                return new Source(SourceKey.parse(arg));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SQL line " + lineOf(text, at) + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("SQL line " + lineOf(text, at) + ": unknown placeholder '{{" + inner
            + "}}'; allowed are ref('mart/name'), source('schema.table'), " + String.join(", ", VARIABLES));
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The assets this SQL reads, in order of first use. */
    public Set<AssetKey> refs() {
        Set<AssetKey> out = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Ref r) {
                out.add(r.key());
            }
        }
        return out;
    }

    /** The sources this SQL reads, in order of first use. */
    public Set<SourceKey> sources() {
        Set<SourceKey> out = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Source s) {
                out.add(s.key());
            }
        }
        return out;
    }

    /** Whether the SQL uses a variable, e.g. {@code partition_start}. */
    public boolean uses(String variable) {
        return parts.stream().anyMatch(p -> p instanceof Variable v && v.name().equals(variable));
    }

    /**
     * The SQL with comments dropped and white space folded, so formatting changes do not change the code version.
     */
    public String normalised() {
        // One pass instead of regexes: this runs for every asset at load time, and it must leave '--' and '/*'
        // inside string literals alone.
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = closingQuote(text, i + 1);
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(text, i, Math.min(end + 1, n));
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                space = true;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
                space = true;
            } else if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the quote closing a literal opened before {@code from} ({@code ''} is an escaped quote). */
    private static int closingQuote(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length();
    }
}
