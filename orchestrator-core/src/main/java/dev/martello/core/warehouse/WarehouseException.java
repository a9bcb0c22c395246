package dev.martello.core.warehouse;

/**
 * The warehouse failed a statement: its own message and SQL state are kept so the step's failure says what the
 * warehouse said (a user's SQL error surfaces here too, in the warehouse's words).
 *
 * <p>{@code The warehouse (postgresql) failed while materializing 'mart/orders':
 * ERROR: relation "raw.x" does not exist}
 */
public class WarehouseException extends RuntimeException {
    private final String warehouse;
    private final String warehouseMessage;
    private final String sqlState;
    private final String statement;
    private final boolean statementRejected;
    private final boolean userStatement;

    /** A failure outside any asset's SQL (connecting, the engine's own statements); rejected when of class 42. */
    public WarehouseException(String warehouse, String action, String warehouseMessage, String sqlState,
                              String statement, Throwable cause) {
        this(warehouse, action, warehouseMessage, sqlState, statement, sqlState != null && sqlState.startsWith("42"),
            false, cause);
    }

    /**
     * @param statementRejected whether the warehouse refused the statement itself (see {@link #statementRejected()})
     * @param userStatement whether the statement carried the asset's own SQL (its select, a custom check, a Java
     *                      asset's statement) rather than one the engine wrote (create aside, publish, cleanup)
     */
    public WarehouseException(String warehouse, String action, String warehouseMessage, String sqlState,
                              String statement, boolean statementRejected, boolean userStatement, Throwable cause) {
        super("The warehouse (" + warehouse + ") failed " + action + ": " + warehouseMessage
            + (sqlState == null ? "" : " [SQL state " + sqlState + "]"), cause);
        this.warehouse = warehouse;
        this.warehouseMessage = warehouseMessage;
        this.sqlState = sqlState;
        this.statement = statement;
        this.statementRejected = statementRejected;
        this.userStatement = userStatement;
    }

    /**
     * Whether the failed statement carried the asset's own SQL. A rejected engine statement (a publish, a cleanup) is
     * not the analyst's fault, even with a class-42 SQL state.
     */
    public boolean userStatement() {
        return userStatement;
    }

    /**
     * Whether the warehouse refused the statement itself: a syntax error, or an unknown table, column or function
     * (SQL state class 42, or the same errors where the driver gives no state). The SQL is at fault, not the
     * warehouse, and running it again cannot help.
     */
    public boolean statementRejected() {
        return statementRejected;
    }

    public String warehouse() {
        return warehouse;
    }

    /** The warehouse's own message, unchanged but for driver noise. */
    public String warehouseMessage() {
        return warehouseMessage;
    }

    /** The SQL state, or null when the driver gives none (DuckDB). */
    public String sqlState() {
        return sqlState;
    }

    /** The statement that failed, for the step log; null when the failure was not a statement's. */
    public String statement() {
        return statement;
    }
}
