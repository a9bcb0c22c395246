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

    public WarehouseException(String warehouse, String action, String warehouseMessage, String sqlState,
                              String statement, Throwable cause) {
        super("The warehouse (" + warehouse + ") failed " + action + ": " + warehouseMessage
            + (sqlState == null ? "" : " [SQL state " + sqlState + "]"), cause);
        this.warehouse = warehouse;
        this.warehouseMessage = warehouseMessage;
        this.sqlState = sqlState;
        this.statement = statement;
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
