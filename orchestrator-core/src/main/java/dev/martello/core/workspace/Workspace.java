package dev.martello.core.workspace;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.dsl.Problem;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded workspace: its folder, its configuration, its validated graph (with any problems) and the class loader its
 * mart classes came from (where its seed class is found too).
 */
public record Workspace(Path dir, WorkspaceConfig config, LoadedGraph loaded, ClassLoader classLoader) {

    /** A workspace whose classes are on the orchestrator's own classpath (e.g. marts defined in a test). */
    public Workspace(Path dir, WorkspaceConfig config, LoadedGraph loaded) {
        this(dir, config, loaded, Workspace.class.getClassLoader());
    }

    public String name() {
        return config.name();
    }

    public AssetGraph graph() {
        return loaded.graph();
    }

    public List<Problem> problems() {
        return loaded.problems();
    }

    /** The data directory, where the embedded warehouse and metadata files live. */
    public Path dataDir() {
        return dir.resolve(config.dataDir()).normalize();
    }
}
