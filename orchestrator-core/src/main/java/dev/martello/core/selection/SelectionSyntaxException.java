package dev.martello.core.selection;

/**
 * A selection expression that does not parse. The message names the column and repeats the expression with a caret
 * under it, so a CLI can print it as is; the UI can use {@link #column()} and {@link #problem()} instead.
 *
 * <pre>
 * Selection error at column 10: found ')' with no matching '('.
 *   mart:core)
 *            ^
 * </pre>
 */
public final class SelectionSyntaxException extends IllegalArgumentException {
    private final String input;
    private final int column;
    private final String problem;

    public SelectionSyntaxException(String input, int column, String problem) {
        super(format(input, column, problem));
        this.input = input;
        this.column = column;
        this.problem = problem;
    }

    private static String format(String input, int column, String problem) {
        // Tabs and line breaks would shift the caret away from the column it points at.
        String echo = input.replaceAll("[\\t\\r\\n]", " ");
        return "Selection error at column " + column + ": " + problem + "\n  " + echo + "\n  " + " ".repeat(column - 1)
            + "^";
    }

    /** The expression as given. */
    public String input() {
        return input;
    }

    /** 1-based column of the offending character; one past the end when the input ended too soon. */
    public int column() {
        return column;
    }

    /** The problem alone, without the column and the echoed expression. */
    public String problem() {
        return problem;
    }
}
