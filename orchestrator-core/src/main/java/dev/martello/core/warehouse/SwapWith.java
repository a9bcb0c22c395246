package dev.martello.core.warehouse;

import java.util.Optional;

/**
 * For Snowflake, whose DDL commits implicitly but whose {@code ALTER TABLE a SWAP WITH b} exchanges two tables in one
 * atomic statement: the checked version takes the public name (a real table, so grants, clustering and time travel
 * work as users expect), and the replaced data, now under the version's name, is dropped after the publish. A crash
 * before that drop leaves a version, which the next run's cleanup finds by its name.
 */
record SwapWith() implements Publisher {

    @Override
    public void publishTable(Session session, VersionNames names, String version, Optional<RelationKind> current) {
        RelationKind kind = current.orElse(null);
        if (kind == RelationKind.TABLE) {
            session.execute(swap(session.dialect(), names, version));
            return;
        }
        if (kind == RelationKind.VIEW) {
            // The asset was a view: the one non-atomic publish, as on H2 (a view cannot be swapped with a table).
            session.drop(names.schema(), names.name(), RelationKind.VIEW);
        }
        session.execute(rename(session.dialect(), names, version));
    }

    /** Exchanges the public table and the version in one statement. */
    static String swap(Dialect dialect, VersionNames names, String version) {
        return "alter table " + dialect.qualified(names.schema(), names.name()) + " swap with "
            + dialect.qualified(names.schema(), version);
    }

    /** The first publish: the version becomes the public table. */
    static String rename(Dialect dialect, VersionNames names, String version) {
        return "alter table " + dialect.qualified(names.schema(), version) + " rename to "
            + dialect.renameTarget(names.schema(), names.name());
    }

    @Override
    public Optional<String> publishedVersion(Session session, VersionNames names) {
        return Optional.empty();
    }

    /** After a swap the replaced data sits under a version name until it is dropped. */
    @Override
    public boolean keepsVersions() {
        return true;
    }
}
