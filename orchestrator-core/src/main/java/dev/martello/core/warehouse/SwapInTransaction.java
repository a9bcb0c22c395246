package dev.martello.core.warehouse;

import java.util.Optional;

/**
 * For warehouses with transactional DDL whose views bind by name: drop the old table and rename the new one in the
 * transaction that built it. Readers see the old table until commit, then the new one; never neither. Nothing of a
 * failed or crashed build survives its transaction, so there are no leftovers to look for.
 */
record SwapInTransaction() implements Publisher {

    @Override
    public void publishTable(Session session, VersionNames names, String version, Optional<RelationKind> current) {
        current.ifPresent(kind -> session.drop(names.schema(), names.name(), kind));
        session.execute("alter table " + session.qualified(names.schema(), version)
            + " rename to " + session.dialect().quote(names.name()));
    }

    @Override
    public Optional<String> publishedVersion(Session session, VersionNames names) {
        return Optional.empty();
    }

    @Override
    public boolean keepsVersions() {
        return false;
    }
}
