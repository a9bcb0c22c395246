package dev.martello.dsl;

/**
 * An edge from an upstream node to the asset that reads it, with where it was declared and an optional
 * partition mapping (null: the default for the pair of partitionings).
 */
public record Dependency(NodeKey upstream, PartitionMapping mapping, Origin origin) {

    /** Where the dependency was stated. */
    public enum Origin {
        /** {@code .dependsOn(…)} in the DSL. */
        DECLARED,
        /** {@code ref(…)} or {@code source(…)} inside the asset's SQL. */
        SQL
    }
}
