package dev.martello.core.warehouse;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lookups in {@code information_schema}, standard on every backend. These queries never fail, so they are safe
 * inside a transaction; DuckDB answers them slowly, so its hot path avoids them (see {@link DuckDbDialect}).
 */
final class Catalog {
    private Catalog() {
    }

    /** What {@code schema.name} is, if anything. */
    static Optional<RelationKind> kindOf(Session session, String schema, String name) {
        return session.rows("select table_type from information_schema.tables"
                + " where table_schema = ? and table_name = ?",
                List.of(catalog(session, schema), catalog(session, name)),
            row -> RelationKind.of(row.getString(1))).stream().filter(Objects::nonNull).findFirst();
    }

    /** Whether {@code schema.name} is a view, from {@code information_schema.views}. */
    static boolean isView(Session session, String schema, String name) {
        return session.count("select count(*) from information_schema.views where table_schema = ? and table_name = ?",
            List.of(catalog(session, schema), catalog(session, name))) > 0;
    }

    /** The asset's versions by name. A {@code like} alone, not or-ed with anything: H2 then scans only the schema. */
    static Map<String, RelationKind> versions(Session session, VersionNames names) {
        Map<String, RelationKind> out = new java.util.HashMap<>(tables(session, names));
        if (!session.dialect().listsViewsInTables()) {
            session.rows("select table_name from information_schema.views where table_schema = ? and table_name like ?"
                    + " escape '!'", List.of(catalog(session, names.schema()), catalog(session, names.likeVersions())),
                    row -> session.dialect().engineName(row.getString(1)))
                .stream().filter(names::isVersion).forEach(v -> out.putIfAbsent(v, RelationKind.VIEW));
        }
        return out;
    }

    private static Map<String, RelationKind> tables(Session session, VersionNames names) {
        return session.rows("select table_name, table_type from information_schema.tables"
                    + " where table_schema = ? and table_name like ? escape '!'",
                List.of(catalog(session, names.schema()), catalog(session, names.likeVersions())),
                row -> new SimpleEntry<>(session.dialect().engineName(row.getString(1)),
                    RelationKind.of(row.getString(2))))
            .stream().filter(e -> e.getValue() != null && names.isVersion(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every table whose name looks like some asset's version ({@code …__v…}), by schema: one query for all. */
    static Map<String, List<String>> versionLikeTables(Session session) {
        return session.rows("select table_schema, table_name from information_schema.tables"
                    + " where table_name like '%!_!_v%' escape '!' and table_type = 'BASE TABLE'", List.of(),
                row -> new SimpleEntry<>(session.dialect().engineName(row.getString(1)),
                    session.dialect().engineName(row.getString(2))))
            .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    static Optional<String> viewDefinition(Session session, String schema, String view) {
        return session.rows("select view_definition from information_schema.views"
                + " where table_schema = ? and table_name = ?",
                List.of(catalog(session, schema), catalog(session, view)),
                row -> row.getString(1))
            .stream().filter(Objects::nonNull).map(session.dialect()::engineName).findFirst();
    }

    private static String catalog(Session session, String identifier) {
        return session.dialect().catalogName(identifier);
    }
}
