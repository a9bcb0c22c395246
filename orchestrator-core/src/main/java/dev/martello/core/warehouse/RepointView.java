package dev.martello.core.warehouse;

import java.util.Optional;

/**
 * The public name is a view over the published versioned table; publishing repoints it with one statement, which is
 * atomic even where DDL commits implicitly (H2, Snowflake). The replaced version is dropped after the commit (on
 * PostgreSQL, dropping it inside would queue new readers behind old ones); if a crash comes first, the next run's
 * cleanup drops it.
 */
record RepointView() implements Publisher {

    @Override
    public void publishTable(Session session, VersionNames names, String version, Optional<RelationKind> current) {
        // Only when the asset changed kind (it was incremental, a plain table): then H2 needs two statements.
        if (current.orElse(null) == RelationKind.TABLE) {
            session.drop(names.schema(), names.name(), RelationKind.TABLE);
        }
        session.dialect().replaceView(session, session.qualified(names.schema(), names.name()),
            "select * from " + session.qualified(names.schema(), version));
    }

    @Override
    public Optional<String> publishedVersion(Session session, VersionNames names) {
        return Catalog.viewDefinition(session, names.schema(), names.name()).flatMap(names::findVersionIn);
    }

    @Override
    public boolean keepsVersions() {
        return true;
    }
}
