package dev.martello.dsl;

import java.util.regex.Pattern;

/**
 * Who answers for a mart or asset: a team ({@code team:commerce-data}) or a person's e-mail address.
 *
 * <p>{@code Owner.parse("team:commerce-data")}, {@code Owner.parse("ana@example.com")}
 */
public record Owner(String value) {
    private static final Pattern TEAM = Pattern.compile("team:[a-z0-9][a-z0-9._-]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public Owner {
        value = value == null ? "" : value.strip();
        if (!TEAM.matcher(value).matches() && !EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException("owner '" + value + "' is neither a team nor an e-mail address:"
                + " write 'team:name' (lower case, digits, '-', '_', '.') or 'someone@example.com'");
        }
    }

    public static Owner parse(String text) {
        return new Owner(text);
    }

    public boolean isTeam() {
        return value.startsWith("team:");
    }

    /** The team name without its {@code team:} prefix, or the e-mail address. */
    public String name() {
        return isTeam() ? value.substring("team:".length()) : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
