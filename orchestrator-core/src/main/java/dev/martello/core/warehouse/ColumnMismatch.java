package dev.martello.core.warehouse;

import dev.martello.dsl.Column;

import java.util.List;

/** One way a new version breaks its asset's declared columns. */
public sealed interface ColumnMismatch {

    Column declared();

    /** One sentence with the fix, used in {@link VersionRejectedException}'s message. */
    String describe();

    /** The column is not in the new version at all. */
    record Missing(Column declared, List<String> actualColumns) implements ColumnMismatch {
        public Missing {
            actualColumns = List.copyOf(actualColumns);
        }

        @Override
        public String describe() {
            return "column '" + declared.name() + "' (" + declared.type().label() + ") is missing; the new version has "
                + String.join(", ", actualColumns) + ". Add it to the select, or remove it from the asset's columns.";
        }
    }

    /** The column's type is of another family than declared. */
    record WrongType(Column declared, String actualType) implements ColumnMismatch {
        @Override
        public String describe() {
            String name = declared.name();
            String type = declared.type().label();
            return "column '" + name + "' is declared " + type + " but is " + actualType
                + ". Cast it in the select, e.g. "
                + "cast(" + name + " as " + type + ") as " + name + ", or declare the column with the type it has.";
        }
    }
}
