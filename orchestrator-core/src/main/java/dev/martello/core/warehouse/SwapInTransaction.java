package dev.martello.core.warehouse;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * For warehouses with transactional DDL whose views bind by name: drop the old table and rename the new one in the
 * transaction that built it. Readers see the old table until commit, then the new one; never neither. A failed build
 * is rolled back; a small one that crashes leaves nothing behind.
 *
 * <p>A large version is committed aside before its checks (its row count, a lookup, decides): DuckDB scans rows
 * still inside the transaction that wrote them about half as fast (1.5M rows: a {@code unique} check took 210 ms
 * before the commit, 105 ms after). The publish is then a second, short transaction; a crash between the two leaves
 * the version, which the next process sweeps ({@link CrashSweep}), and a failure drops it at once.
 */
record SwapInTransaction() implements Publisher {
    /** DuckDB's row group; below it the slower scans cost less than the extra commit (~2 ms on a small table). */
    static final long COMMIT_BEFORE_CHECKS_FROM_ROWS = 122_880;

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

    @Override
    public OptionalLong commitsBeforeChecksFrom() {
        return OptionalLong.of(COMMIT_BEFORE_CHECKS_FROM_ROWS);
    }
}
