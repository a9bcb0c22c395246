package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.Column;
import dev.martello.dsl.SqlType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared columns of an asset, checked against what a new version really has. Names must be present; types must
 * be of the same family, because each backend infers its own width ({@code sum} of integers is {@code hugeint} on
 * DuckDB, {@code bigint} on H2). Extra columns are allowed; nullability is enforced by the {@code not_null} checks.
 */
final class ColumnContract {
    private enum Family { BOOLEAN, WHOLE, FRACTIONAL, TEXT, DATE, TIMESTAMP }

    private ColumnContract() {
    }

    /** Throws {@link VersionRejectedException} listing every mismatch when {@code relation} breaks the contract. */
    static void enforce(Session session, Asset asset, String relation) {
        if (asset.columns().isEmpty()) {
            return;
        }
        List<ColumnMismatch> mismatches = compare(asset.columns(), session.columns(relation));
        if (!mismatches.isEmpty()) {
            throw VersionRejectedException.contract(asset.key(), mismatches);
        }
    }

    static List<ColumnMismatch> compare(List<Column> declared, List<ActualColumn> actual) {
        Map<String, ActualColumn> byName = new LinkedHashMap<>();
        actual.forEach(a -> byName.putIfAbsent(a.name(), a));
        List<ColumnMismatch> out = new ArrayList<>();
        for (Column c : declared) {
            ActualColumn a = byName.get(c.name());
            if (a == null) {
                out.add(new ColumnMismatch.Missing(c, List.copyOf(byName.keySet())));
            } else if (!compatible(c.type(), a.type())) {
                out.add(new ColumnMismatch.WrongType(c, a.typeName()));
            }
        }
        return out;
    }

    /** Same family; a whole number also satisfies a fractional declaration, since it converts without loss. */
    static boolean compatible(SqlType declared, SqlType actual) {
        if (actual == null) {
            return false;
        }
        Family want = family(declared);
        Family have = family(actual);
        return want == have || want == Family.FRACTIONAL && have == Family.WHOLE;
    }

    private static Family family(SqlType type) {
        return switch (type) {
            case BOOLEAN -> Family.BOOLEAN;
            case INTEGER, BIGINT -> Family.WHOLE;
            case DOUBLE, DECIMAL -> Family.FRACTIONAL;
            case VARCHAR -> Family.TEXT;
            case DATE -> Family.DATE;
            case TIMESTAMP -> Family.TIMESTAMP;
        };
    }
}
