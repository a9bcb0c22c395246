package dev.martello.core.warehouse;

import java.sql.SQLException;

/**
 * H2. Every DDL statement commits implicitly, so a publish must be a single statement: the public name is a view over
 * versioned physical tables ({@code schema.name__v<run>}), repointed with one {@code create or replace view}. Its DDL
 * locks the whole catalog and, run from parallel sessions, can deadlock until the lock timeout fails one of them (H2's
 * maintainers: parallel DDL "isn't going to work reliably"), so materializations into H2 run one at a time.
 */
record H2Dialect() implements Dialect {
    /** Folds unquoted names to lower case like PostgreSQL, so analysts' SQL finds the engine's lower-case names. */
    private static final String LOWER_CASE = "DATABASE_TO_LOWER=TRUE";
    /** How long a statement waits for a lock; see {@link #prepareUrl}. */
    private static final String LOCK_TIMEOUT = "LOCK_TIMEOUT=60000";

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String prepareUrl(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        String url = upper.contains("DATABASE_TO_LOWER") ? jdbcUrl : jdbcUrl + ";" + LOWER_CASE;
        // H2's DDL takes a lock on its catalog (table SYS) that other sessions' statements (a reader's, a cleanup's)
        // wait for; its default of one second failed steps on a busy machine. The step's own timeout should stop it.
        return upper.contains("LOCK_TIMEOUT") ? url : url + ";" + LOCK_TIMEOUT;
    }

    @Override
    public boolean parallelDdl() {
        return false;
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
    public String createTemporaryTable(String name, String body) {
        return "create local temporary table " + name + " " + body;
    }

    /** H2 appends its error code and the whole statement; the statement is kept separately. */
    @Override
    public String message(SQLException e) {
        String m = Dialect.super.message(e);
        int statement = m.indexOf("; SQL statement:");
        return statement < 0 ? m : m.substring(0, statement);
    }
}
