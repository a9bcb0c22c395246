package dev.martello.dsl;

import java.util.Locale;

/** Column types of the contract; each warehouse dialect maps them to its own type names. */
public enum SqlType {
    BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, VARCHAR, DATE, TIMESTAMP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
