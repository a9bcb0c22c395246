package dev.martello.bench;

import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.core.workspace.Workspace;
import dev.martello.core.workspace.WorkspaceConfig;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartBuilder;
import dev.martello.dsl.MartDefinition;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A workspace of {@code size} trivial SQL table assets in one mart, {@code dag}, so that materializing it measures
 * the orchestrator and not the warehouse. Two shapes: a {@link Shape#CHAIN} ({@code t0000 → t0001 → …}, nothing can
 * run in parallel) and a {@link Shape#WIDE} fan-out (one root, every other asset reads only the root).
 *
 * <p>Each asset holds one row: the root {@code select 1 as id, 0 as depth}, a child
 * {@code select id, depth + 1 as depth from {{ ref('<parent>') }}}.
 */
public record SyntheticDag(Shape shape, int size) {
    public static final String MART = "dag";

    public enum Shape {
        CHAIN, WIDE;

        public static Shape parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown DAG shape '" + text + "': use chain or wide.", e);
            }
        }
    }

    public SyntheticDag {
        if (size < 2) {
            throw new IllegalArgumentException("a synthetic DAG needs at least 2 assets, got " + size);
        }
    }

    public static String name(int i) {
        return String.format("t%04d", i);
    }

    /** The asset {@code i} reads, or -1 for the root. */
    public int parent(int i) {
        return i == 0 ? -1 : shape == Shape.CHAIN ? i - 1 : 0;
    }

    public List<MartDefinition> definitions() {
        return List.of(this::define);
    }

    private Mart define() {
        MartBuilder mart = Mart.integrated(MART).owner("team:bench")
            .describedAs("Synthetic " + shape.name().toLowerCase(Locale.ROOT) + " DAG of " + size + " trivial assets");
        for (int i = 0; i < size; i++) {
            String sql = i == 0 ? "select 1 as id, 0 as depth"
                : "select id, depth + 1 as depth from {{ ref('" + name(parent(i)) + "') }}";
            mart.asset(name(i), a -> a.describedAs("Synthetic trivial asset").table().sql(sql));
        }
        return mart.build();
    }

    /**
     * A workspace in {@code dir} on the embedded defaults, as {@code martello materialize} opens it: a DuckDB file
     * warehouse and an H2 file metadata store in {@code dir/data}.
     */
    public Workspace workspace(Path dir) {
        WorkspaceConfig config = new WorkspaceConfig("bench-" + shape.name().toLowerCase(Locale.ROOT), "",
            new WorkspaceConfig.MartsConfig(List.of(), List.of()), "data", null, null, null);
        LoadedGraph loaded = GraphLoader.load(definitions());
        return new Workspace(dir.toAbsolutePath(), config, loaded);
    }
}
