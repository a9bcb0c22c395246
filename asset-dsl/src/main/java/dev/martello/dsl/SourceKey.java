package dev.martello.dsl;

/**
 * The key of a source table produced outside the orchestrator, {@code schema.table}.
 *
 * <p>{@code SourceKey.parse("raw_commerce.orders")}
 */
public record SourceKey(String schema, String table) implements NodeKey {

    public SourceKey {
        String raw = schema + "." + table;
        schema = Identifiers.check(Identifiers.normalise(schema), "schema", raw);
        table = Identifiers.check(Identifiers.normalise(table), "table", raw);
    }

    /** Parses {@code schema.table}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static SourceKey parse(String text) {
        String t = Identifiers.normalise(text);
        int dot = t.indexOf('.');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the source name is blank; write it as 'schema.table'");
        }
        if (dot < 0 || t.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a source name: write it as 'schema.table'");
        }
        return new SourceKey(t.substring(0, dot), t.substring(dot + 1));
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
