package dev.martello.core.warehouse;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** How long one attempt to repoint a view waits for the readers of the old one. */
    static final Duration PUBLISH_LOCK_WAIT = Duration.ofSeconds(1);

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
     * Repoints the view without making readers wait. Replacing a view needs its exclusive lock, which a long query
     * through the view holds off; a DDL statement waiting for it would also queue every new reader behind it. So each
     * attempt waits at most {@link #PUBLISH_LOCK_WAIT}, then gives way (rolls back to a savepoint, readers flow) and
     * tries again after a pause, until it gets through or the step is stopped (its timeout, a cancel).
     *
     * <p>When the columns changed, the view is dropped and recreated in the same transaction: still atomic for
     * readers. That fails (and rolls back) if other views depend on the old columns; the warehouse's message names
     * them. Always called inside {@link Session#inTransaction}, which savepoints need.
     */
    @Override
    public void replaceView(Session session, String view, String select) {
        for (int attempt = 0; ; attempt++) {
            session.execute("savepoint martello_replace_view");
            session.execute("set local lock_timeout = " + PUBLISH_LOCK_WAIT.toMillis());
            try {
                replace(session, view, select);
                return;
            } catch (WarehouseException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.sqlState())) {
                    throw e;
                }
                session.execute("rollback to savepoint martello_replace_view");
                session.pause(Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt, 5))));
            }
        }
    }

    private static void replace(Session session, String view, String select) {
        session.execute("savepoint martello_create_view");
        try {
            session.execute("create or replace view " + view + " as " + select);
        } catch (WarehouseException e) {
            if (!VIEW_COLUMNS_CHANGED.equals(e.sqlState())) {
                throw e;
            }
            session.execute("rollback to savepoint martello_create_view");
            session.execute("drop view " + view);
            session.execute("create view " + view + " as " + select);
        }
    }

    @Override
    public Optional<String> lockTimeout(Duration wait) {
        return Optional.of("set local lock_timeout = " + Math.max(1, wait.toMillis()));
    }
}
