package dev.martello.dsl;

/** How an asset's data is computed: a SQL select, or Java code writing through a warehouse connection. */
public sealed interface Compute {

    /** A SQL select; {@code origin} is {@code inline} or the resource path of the {@code .sql} file. */
    record Sql(SqlTemplate template, String origin) implements Compute {
    }

    /** Java code; it writes into {@link AssetContext#target()}, the version being built. */
    record Java(AssetFunction function) implements Compute {
    }
}
