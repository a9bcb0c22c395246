package dev.martello.core.warehouse;

/** What a name in the warehouse is; decides the {@code drop} statement. */
enum RelationKind {
    TABLE, VIEW;

    /** From {@code information_schema.tables.table_type}; null for kinds the engine never creates (temporary). */
    static RelationKind of(String tableType) {
        return switch (tableType) {
            case "BASE TABLE" -> TABLE;
            case "VIEW" -> VIEW;
            default -> null;
        };
    }
}
