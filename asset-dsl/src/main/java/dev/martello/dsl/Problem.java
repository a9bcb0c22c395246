package dev.martello.dsl;

/**
 * One mistake in the definitions: which {@code rule} it breaks, the {@code subject} (an asset key, source or mart),
 * where it was declared, what is wrong (naming the offending value) and how to fix it.
 */
public record Problem(String rule, String subject, Location location, String message, String fix) {

    public Problem {
        location = location == null ? Location.UNKNOWN : location;
        fix = fix == null ? "" : fix;
    }

    /** The message and the fix as one paragraph, with the location in brackets. */
    public String render() {
        return message + (fix.isEmpty() ? "" : " " + fix) + " [" + rule + ", " + location + "]";
    }
}
