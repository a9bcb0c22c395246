package dev.martello.core.graph;

import dev.martello.dsl.DefinitionException;
import dev.martello.dsl.Location;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Defines marts, builds the graph and validates it, collecting every problem instead of stopping at the first.
 * A mart whose definition has mistakes still contributes what could be built, so its neighbours are validated
 * without follow-on noise; a mart that throws is reported with its class and the exception.
 */
public final class GraphLoader {
    private GraphLoader() {
    }

    public static LoadedGraph load(List<? extends MartDefinition> definitions) {
        List<Problem> problems = new ArrayList<>();
        List<Mart> marts = new ArrayList<>(definitions.size());
        for (MartDefinition d : definitions) {
            try {
                Mart m = d.define();
                if (m == null) {
                    problems.add(new Problem("mart-failed", d.getClass().getName(), location(d),
                        "Mart class " + d.getClass().getName() + " returned null from define().",
                        "Return the built mart: Mart.application(\"name\")….build()."));
                } else {
                    marts.add(m);
                }
            } catch (DefinitionException e) {
                problems.addAll(e.problems());
                marts.add(e.partial());
            } catch (RuntimeException | LinkageError e) {
                problems.add(new Problem("mart-failed", d.getClass().getName(), location(d),
                    "Mart class " + d.getClass().getName() + " threw " + e.getClass().getSimpleName() + " in define(): "
                        + e.getMessage() + ".",
                    "Fix the exception; define() only declares assets and must not touch the warehouse."));
            }
        }
        return validate(marts, problems);
    }

    /** Builds and validates already-defined marts, after {@code earlier} problems (e.g. from defining them). */
    public static LoadedGraph validate(List<Mart> marts, List<Problem> earlier) {
        AssetGraph graph = AssetGraph.of(marts);
        List<Problem> problems = new ArrayList<>(earlier);
        problems.addAll(new GraphValidator().validate(graph));
        return new LoadedGraph(graph, problems);
    }

    private static Location location(MartDefinition d) {
        return new Location(d.getClass().getName(), d.getClass().getSimpleName() + ".java", -1);
    }
}
