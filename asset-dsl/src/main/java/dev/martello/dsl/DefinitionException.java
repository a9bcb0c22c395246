package dev.martello.dsl;

import java.util.List;

/**
 * Thrown by {@link MartBuilder#build()} with every mistake found in one mart, and the part of the mart that could
 * still be built (so the graph can be validated around it without follow-on noise).
 */
public final class DefinitionException extends RuntimeException {
    private final transient List<Problem> problems;
    private final transient Mart partial;

    public DefinitionException(List<Problem> problems, Mart partial) {
        super(problems.size() + " problem(s) in mart '" + partial.name() + "':\n" + numbered(problems));
        this.problems = List.copyOf(problems);
        this.partial = partial;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Mart partial() {
        return partial;
    }

    private static String numbered(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            out.append(i + 1).append(". ").append(problems.get(i).render()).append('\n');
        }
        return out.toString();
    }
}
