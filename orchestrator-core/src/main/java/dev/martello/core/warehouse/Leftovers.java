package dev.martello.core.warehouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What crashed runs leave beside an asset where versions outlive a transaction (H2, whose DDL autocommits, the
 * replaced version on PostgreSQL, a large version DuckDB committed before its checks): versions built but never
 * published, and replaced versions not yet dropped. Found by the naming convention; the version the public view reads
 * and versions this JVM is building are never touched. Partition staging tables are
 * temporary, so the warehouse drops them itself when a crashed session ends.
 */
final class Leftovers {
    /**
     * How long dropping an old version waits for its readers. A query still reading a replaced version (a long report
     * on PostgreSQL) would otherwise hold up the step, and queue every later reader of that table behind the drop;
     * the version is left for a later run's cleanup instead.
     */
    static final Duration READER_WAIT = Duration.ofSeconds(1);

    private Leftovers() {
    }

    /**
     * The first step of every materialization: the schema exists and holds no leftovers of the asset. Where versions
     * outlive a materialization, every materialization looks for them; where only a crash can leave one, the asset's
     * first materialization by this warehouse does ({@link CrashSweep}).
     */
    static void prepare(Session session, VersionNames names) {
        session.ensureSchema(names.schema());
        Publisher publisher = session.dialect().publisher();
        if (publisher.keepsVersions()) {
            drop(session, names);
        } else if (publisher.commitsBeforeChecksFrom().isPresent()) {
            session.crashSweep().sweep(session, names);
        }
    }

    static List<String> drop(Session session, VersionNames names) {
        Map<String, RelationKind> versions = Catalog.versions(session, names);
        if (versions.isEmpty()) {
            return List.of();
        }
        Optional<String> published = session.dialect().publisher().publishedVersion(session, names);
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, RelationKind> v : new TreeMap<>(versions).entrySet()) {
            if (!published.map(v.getKey()::equals).orElse(false) && !CrashSweep.inFlight(names.schema(), v.getKey())) {
                try {
                    session.dropIfExistsWithin(names.schema(), v.getKey(), v.getValue(), READER_WAIT);
                    dropped.add(names.schema() + "." + v.getKey());
                } catch (WarehouseException e) {
                    // Still read (or otherwise locked): versions have unique names, so it is in no one's way until
                    // a later run drops it.
                }
            }
        }
        return dropped;
    }

    /** After a publish: the data is out, so failing to drop the replaced version only leaves work for the next run. */
    static void dropReplaced(Session session, VersionNames names) {
        if (!session.dialect().publisher().keepsVersions()) {
            return;
        }
        try {
            drop(session, names);
        } catch (RuntimeException e) {
            // Left for the next run's cleanup.
        }
    }
}
