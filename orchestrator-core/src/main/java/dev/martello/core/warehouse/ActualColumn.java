package dev.martello.core.warehouse;

import dev.martello.dsl.SqlType;

/**
 * A column of a built version as the warehouse reports it.
 *
 * @param name lower case, since each backend folds unquoted names its own way
 * @param type null when the contract has no type for it (e.g. a list or JSON column)
 */
record ActualColumn(String name, String typeName, SqlType type) {
}
