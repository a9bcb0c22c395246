package dev.martello.dsl;

/**
 * One column of an asset's contract: its name, type, whether it may be null, and what it means.
 *
 * <p>Declared with {@code .column("order_id", SqlType.BIGINT, c -> c.notNull().unique())}.
 */
public record Column(String name, SqlType type, boolean nullable, String description) {
    public Column {
        description = description == null ? "" : description;
    }
}
