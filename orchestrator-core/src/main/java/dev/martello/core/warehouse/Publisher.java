package dev.martello.core.warehouse;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a dialect turns a table built aside into the published version, in one step readers cannot see half-done.
 * The build, the checks and the publish run in one transaction; where DDL is transactional, a failure or a crash
 * therefore leaves nothing behind — unless the publisher commits a large version before its checks
 * ({@link #commitsBeforeChecksFrom}), when a crash can leave it aside for the next process to sweep ({@link CrashSweep}).
 */
sealed interface Publisher permits SwapInTransaction, RepointView, SwapWith {

    /**
     * Publishes {@code version}, a table in the asset's schema that passed its contract and checks.
     *
     * @param current what the public name is now, probed before the transaction began
     */
    void publishTable(Session session, VersionNames names, String version, Optional<RelationKind> current);

    /** The version the public name reads, which cleanup must keep; empty when the public name is the table itself. */
    Optional<String> publishedVersion(Session session, VersionNames names);

    /**
     * Whether versions outlive a materialization (the published one, and a replaced one until it is dropped), so that
     * a crash can leave some behind and each materialization first looks for them.
     */
    boolean keepsVersions();

    /**
     * From how many rows a version is committed aside (still unpublished) before its checks read it, because the
     * warehouse reads a version faster once it is committed; empty when every version stays in the transaction that
     * builds it. A crash between that commit and the publish can leave the version: each asset's first
     * materialization by a warehouse then sweeps such leftovers ({@link CrashSweep}).
     */
    default OptionalLong commitsBeforeChecksFrom() {
        return OptionalLong.empty();
    }
}
