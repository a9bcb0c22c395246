package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.Compute;
import dev.martello.dsl.MaterializationKind;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A full table: in one transaction, build the new version aside under a versioned name, check it, and let the
 * dialect's publisher make it the published version. Readers keep the previous version until the commit. A failure
 * rolls the version back (and drops it where DDL autocommits or the publisher committed it before its checks); a
 * crash leaves it to the next run's cleanup.
 */
final class TableMaterializer {
    private TableMaterializer() {
    }

    static Materialization run(Session session, SqlRenderer renderer, MaterializationRequest request) {
        Asset asset = request.asset();
        VersionNames names = session.names(asset.key());
        Leftovers.prepare(session, names);
        Optional<RelationKind> current = session.dialect().kindOf(session, names.schema(), names.name());
        String version = names.version(request.runId());
        String target = session.qualified(names.schema(), version);
        boolean published = false;
        CrashSweep.building(names.schema(), version);
        try {
            Materialization m = session.inTransaction(() -> {
                VersionBuilder.build(session, renderer, request, target, false);
                if (asset.compute() instanceof Compute.Java
                    && Catalog.kindOf(session, names.schema(), version).isEmpty()) {
                    throw new ComputeException(asset.key(), "it did not create its target " + target
                        + "; create it with 'create table <target> as …', or declare the asset's columns", null);
                }
                ColumnContract.enforce(session, asset, target);
                CheckRunner.Outcome checked = check(session, renderer, request, target);
                List<CheckResult> checks = CheckRunner.enforce(asset, checked.results());
                session.dialect().publisher().publishTable(session, names, version, current);
                return new Materialization(asset.key(), MaterializationKind.TABLE, request.partition(),
                    OptionalLong.of(checked.rows()), checks);
            });
            published = true;
            Leftovers.dropReplaced(session, names);
            return m;
        } finally {
            if (!published) {
                session.quietly("drop table if exists " + target);
            }
            CrashSweep.done(names.schema(), version);
        }
    }

    /** The version's checks; a large one is first committed aside where the publisher asks for it. */
    private static CheckRunner.Outcome check(Session session, SqlRenderer renderer, MaterializationRequest request,
                                             String target) {
        CheckRunner runner = new CheckRunner(session, renderer);
        OptionalLong commitFrom = session.dialect().publisher().commitsBeforeChecksFrom();
        if (commitFrom.isEmpty()) {
            return runner.run(request.asset(), target, request.partition());
        }
        return runner.runCountingFirst(request.asset(), target, request.partition(), rows -> {
            if (rows >= commitFrom.getAsLong()) {
                session.commitSoFar();
            }
        });
    }
}
