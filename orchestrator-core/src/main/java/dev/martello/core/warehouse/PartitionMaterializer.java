package dev.martello.core.warehouse;

import dev.martello.dsl.Asset;
import dev.martello.dsl.MaterializationKind;
import dev.martello.dsl.PartitionWindow;
import dev.martello.dsl.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One partition of an incremental asset: its new rows are built into a temporary staging table and checked there;
 * then one transaction deletes the partition's old rows and inserts the new ones. A rerun replaces, never appends.
 * Staging is temporary so that concurrent partitions of one asset never take each other's staging for leftovers.
 */
final class PartitionMaterializer {
    private static final String BOUNDS = "partition_bounds";
    private static final Object FIRST_PUBLISH = new Object();

    private PartitionMaterializer() {
    }

    static Materialization run(Session session, SqlRenderer renderer, MaterializationRequest request) {
        Asset asset = request.asset();
        PartitionWindow partition = request.partition();
        if (partition == null || asset.partitionColumn() == null) {
            throw new IllegalArgumentException("Asset '" + asset.key() + "' is incremental: materialize it one"
                + " partition at a time, and declare the column its partitions are replaced by.");
        }
        VersionNames names = session.names(asset.key());
        Leftovers.prepare(session, names);
        String staging = session.dialect().quote(names.staging(request.runId()));
        try {
            VersionBuilder.build(session, renderer, request, staging, true);
            ColumnContract.enforce(session, asset, staging);
            List<ActualColumn> columns = session.columns(staging);
            String inPartition = predicate(session, asset.partitionColumn(), partition);
            List<CheckResult> checks = new ArrayList<>();
            checks.add(bounds(session, asset, columns, staging, inPartition, partition));
            CheckRunner.Outcome checked = new CheckRunner(session, renderer).run(asset, staging, partition);
            long rows = checked.rows();
            checks.addAll(checked.results());
            CheckRunner.enforce(asset, checks);
            String list = columns.stream().map(c -> session.dialect().quote(c.name()))
                .collect(Collectors.joining(", "));
            Optional<RelationKind> current = session.dialect().kindOf(session, names.schema(), names.name());
            if (current.isPresent()) {
                publish(session, names, current, staging, inPartition, list);
            } else {
                // The first runs of two partitions, run at once, race to create the table. Within this process a lock
                // orders them (DuckDB, embedded, has no other process, and its loser would fail on a catalog conflict
                // while the winner commits); across processes, publish() lets the loser replace into the winner's.
                synchronized (FIRST_PUBLISH) {
                    publish(session, names, session.dialect().kindOf(session, names.schema(), names.name()), staging,
                        inPartition, list);
                }
            }
            Leftovers.dropReplaced(session, names);
            return new Materialization(asset.key(), MaterializationKind.INCREMENTAL, partition, OptionalLong.of(rows),
                checks);
        } finally {
            session.quietly("drop table if exists " + staging);
        }
    }

    private static void publish(Session session, VersionNames names, Optional<RelationKind> current, String staging,
                                String inPartition, String list) {
        try {
            replace(session, names, current, staging, inPartition, list);
        } catch (WarehouseException e) {
            // The first runs of two partitions raced to create the table: the loser replaces into the winner's.
            if (current.isPresent() || session.dialect().kindOf(session, names.schema(), names.name())
                .orElse(null) != RelationKind.TABLE) {
                throw e;
            }
            replace(session, names, Optional.of(RelationKind.TABLE), staging, inPartition, list);
        }
    }

    /** In one transaction: the partition's old rows out, its new rows in. */
    private static void replace(Session session, VersionNames names, Optional<RelationKind> current, String staging,
                                String inPartition, String columns) {
        String publicName = session.qualified(names.schema(), names.name());
        session.inTransaction(() -> {
            if (!hasTable(session, names, current)) {
                session.execute("create table " + publicName + " as select * from " + staging + " where 1 = 0");
            }
            session.execute("delete from " + publicName + " where " + inPartition);
            session.execute("insert into " + publicName + " (" + columns + ") select " + columns + " from " + staging);
        });
    }

    /**
     * Whether the public name is a table to replace rows in. An asset that was a full table before keeps its rows on
     * every backend: where the public name was a view over a version, that version becomes the table.
     */
    private static boolean hasTable(Session session, VersionNames names, Optional<RelationKind> current) {
        RelationKind kind = current.orElse(null);
        if (kind != RelationKind.VIEW) {
            return kind == RelationKind.TABLE;
        }
        Optional<String> version = session.dialect().publisher().publishedVersion(session, names);
        session.drop(names.schema(), names.name(), RelationKind.VIEW);
        version.ifPresent(v -> session.execute("alter table " + session.qualified(names.schema(), v) + " rename to "
            + session.dialect().renameTarget(names.schema(), names.name())));
        return version.isPresent();
    }

    private static String predicate(Session session, String column, PartitionWindow p) {
        Dialect d = session.dialect();
        String c = d.quote(column);
        return p.start() == null ? c + " = " + d.literal(p.key())
            : c + " >= " + d.literal(p.start()) + " and " + c + " < " + d.literal(p.end());
    }

    /**
     * Rows outside the partition would survive the next rerun's delete and be duplicated: they block the publish.
     */
    private static CheckResult bounds(Session session, Asset asset, List<ActualColumn> columns, String staging,
                                      String inPartition, PartitionWindow p) {
        String column = asset.partitionColumn();
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            return new CheckResult(BOUNDS, Severity.ERROR, false, 0, "the new rows have no column '" + column
                + "', which the asset's partitions are replaced by; add it to the select.");
        }
        long outside = session.count("select count(*) from " + staging + " where " + session.dialect().quote(column)
            + " is null or not (" + inPartition + ")", List.of());
        String window = p.start() == null ? ""
            : " [" + Dialect.TIMESTAMP.format(p.start()) + ", " + Dialect.TIMESTAMP.format(p.end()) + ")";
        return new CheckResult(BOUNDS, Severity.ERROR, outside == 0, outside, outside == 0
            ? "every row's '" + column + "' is in partition " + p.key() + "."
            : outside + (outside == 1 ? " row has" : " rows have") + " a '" + column + "' outside partition " + p.key()
                + window + "; filter the select with "
                + (p.start() == null ? "{{ partition_key }}." : "{{ partition_start }} and {{ partition_end }}."));
    }
}
