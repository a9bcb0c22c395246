package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.Column;
import dev.martello.dsl.Compute;

import java.sql.SQLException;
import java.util.stream.Collectors;

/** Fills a new table with an asset's data: {@code create table … as <select>} for SQL, the asset's code for Java. */
final class VersionBuilder {
    private VersionBuilder() {
    }

    /**
     * @param target the quoted name of the table to create
     * @param temporary whether it is a session-private staging table (a partition's new rows)
     */
    static void build(Session session, SqlRenderer renderer, MaterializationRequest request, String target,
                      boolean temporary) {
        Asset asset = request.asset();
        switch (asset.compute()) {
            case Compute.Sql sql -> {
                String published = session.dialect().relation(asset.key());
                String select = renderer.render(sql.template(), asset.key(), published, request.partition());
                session.executeUserSql(create(session, target, temporary, "as " + select));
            }
            case Compute.Java java -> {
                if (!asset.columns().isEmpty()) {
                    session.execute(create(session, target, temporary, columns(session, asset)));
                } else if (temporary) {
                    throw new IllegalArgumentException("Asset '" + asset.key() + "' is incremental and computed in"
                        + " Java, so it must declare its columns: the engine creates the partition's staging table"
                        + " from them.");
                }
                run(session, request, java, target);
            }
        }
    }

    private static void run(Session session, MaterializationRequest request, Compute.Java java, String target) {
        GuardedConnection connection = session.guardedConnection();
        try {
            java.function().compute(new JdbcAssetContext(request, target, connection.connection(), session));
        } catch (SQLException e) {
            throw session.failure(e, null);
        } catch (WarehouseException | MaterializationCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new ComputeException(request.asset().key(), e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            connection.release();
        }
    }

    private static String create(Session session, String target, boolean temporary, String body) {
        return temporary ? session.dialect().createTemporaryTable(target, body)
            : "create table " + target + " " + body;
    }

    private static String columns(Session session, Asset asset) {
        return asset.columns().stream()
            .map((Column c) -> session.dialect().quote(c.name()) + " " + session.dialect().typeName(c.type()))
            .collect(Collectors.joining(", ", "(", ")"));
    }
}
