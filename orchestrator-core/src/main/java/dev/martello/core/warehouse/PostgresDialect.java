package dev.martello.core.warehouse;

import java.util.Map;

/**
 * PostgreSQL. DDL is transactional, but views bind to a table's identity, not its name: swapping tables would leave
 * downstream views reading the dropped version. So, as on H2, the public name is a view over versioned tables,
 * repointed inside a transaction.
 */
record PostgresDialect() implements Dialect {
    /** The driver reports internal type names. */
    private static final Map<String, String> DISPLAY = Map.of("int2", "smallint", "int4", "integer", "int8", "bigint",
        "float4", "real", "float8", "double precision", "bool", "boolean", "bpchar", "character",
        "timestamptz", "timestamp with time zone");
    /** invalid_table_definition: {@code create or replace view} may only append columns. */
    private static final String VIEW_COLUMNS_CHANGED = "42P16";

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String sessionSetup() {
        return "SET TIME ZONE 'UTC'";
    }

    @Override
    public Publisher publisher() {
        return new RepointView();
    }

    @Override
    public String displayType(String driverTypeName) {
        return DISPLAY.getOrDefault(driverTypeName, driverTypeName);
    }

    /**
     * When the columns changed, drop and recreate the view in the same transaction: still atomic for readers. It fails
     * (and rolls back) if other views depend on the old columns; the warehouse's message names them. Always called
     * inside {@link Session#inTransaction}, which savepoints need.
     */
    @Override
    public void replaceView(Session session, String view, String select) {
        session.execute("savepoint martello_replace_view");
        try {
            session.execute("create or replace view " + view + " as " + select);
        } catch (WarehouseException e) {
            if (!VIEW_COLUMNS_CHANGED.equals(e.sqlState())) {
                throw e;
            }
            session.execute("rollback to savepoint martello_replace_view");
            session.execute("drop view " + view);
            session.execute("create view " + view + " as " + select);
        }
    }
}
