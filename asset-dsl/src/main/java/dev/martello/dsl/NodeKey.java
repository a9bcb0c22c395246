package dev.martello.dsl;

/**
 * The key of a node in the asset graph: an {@link AssetKey} the orchestrator materializes, or a {@link SourceKey}
 * produced elsewhere.
 */
public sealed interface NodeKey extends Comparable<NodeKey> permits AssetKey, SourceKey {

    /** The schema (asset: its mart; source: its schema) the node lives in. */
    String schema();

    /** The table name inside {@link #schema()}. */
    String table();

    @Override
    default int compareTo(NodeKey other) {
        return toString().compareTo(other.toString());
    }
}
