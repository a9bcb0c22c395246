package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.Compute;
import dev.martello.dsl.MaterializationKind;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A view: created aside first so the contract and checks run on exactly what readers will get, then the public view
 * is replaced in one statement, in the same transaction.
 */
final class ViewMaterializer {
    private ViewMaterializer() {
    }

    static Materialization run(Session session, SqlRenderer renderer, MaterializationRequest request) {
        Asset asset = request.asset();
        if (!(asset.compute() instanceof Compute.Sql sql)) {
            throw new IllegalArgumentException("Asset '" + asset.key() + "' is a view, which needs SQL; Java code can"
                + " only build tables: declare it as a table.");
        }
        VersionNames names = session.names(asset.key());
        Leftovers.prepare(session, names);
        Optional<RelationKind> current = session.dialect().kindOf(session, names.schema(), names.name());
        String publicName = session.qualified(names.schema(), names.name());
        String select = renderer.render(sql.template(), asset.key(), publicName, request.partition());
        String aside = session.qualified(names.schema(), names.version(request.runId()));
        List<CheckResult> checks;
        try {
            checks = session.inTransaction(() -> {
                session.executeUserSql("create view " + aside + " as " + select);
                ColumnContract.enforce(session, asset, aside);
                // A view's rows exist only when it is read: without checks it is not read here.
                List<CheckResult> results = asset.checks().isEmpty() ? List.of() : CheckRunner.enforce(asset,
                    new CheckRunner(session, renderer).run(asset, aside, request.partition()).results());
                // A kind change (the asset was a table): where DDL autocommits (H2) this is the one non-atomic case.
                if (current.orElse(null) == RelationKind.TABLE) {
                    session.drop(names.schema(), names.name(), RelationKind.TABLE);
                }
                session.dialect().replaceView(session, publicName, select);
                session.execute("drop view " + aside);
                return results;
            });
        } finally {
            session.quietly("drop view if exists " + aside);
        }
        Leftovers.dropReplaced(session, names);
        return new Materialization(asset.key(), MaterializationKind.VIEW, request.partition(), OptionalLong.empty(),
            checks);
    }
}
