package dev.martello.core.graph;

import dev.martello.dsl.Problem;

import java.util.List;

/** Renders problems as the numbered list that {@code martello validate} prints. */
public final class ValidationReport {
    private ValidationReport() {
    }

    /**
     * {@code 1. <message> <fix>} and on the next line {@code    at <location> [<rule>]}, one entry per problem.
     */
    public static String render(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        int width = String.valueOf(problems.size()).length();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            String number = String.format("%" + width + "d. ", i + 1);
            out.append(number).append(p.message());
            if (!p.fix().isEmpty()) {
                out.append(' ').append(p.fix());
            }
            out.append('\n').append(" ".repeat(number.length())).append("at ").append(p.location())
                .append(" [").append(p.rule()).append("]\n");
        }
        return out.toString();
    }
}
