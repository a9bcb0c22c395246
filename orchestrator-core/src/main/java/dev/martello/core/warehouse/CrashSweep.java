package dev.martello.core.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versions that a crashed process committed aside and never published, where large versions are committed before
 * their checks ({@link Publisher#commitsBeforeChecksFrom}, DuckDB). Probing the catalog for every asset on every
 * materialization would cost DuckDB milliseconds per step, so a warehouse lists the tables named like a version once,
 * at its first materialization, and each asset drops its own from that list the first time it is materialized.
 *
 * <p>DuckDB lets one process write its file, so the list holds what earlier processes left, plus the builds in flight
 * of another warehouse opened on the same file in this JVM (a reloaded workspace): those are registered here while
 * they are built, and never dropped.
 */
final class CrashSweep {
    /** Versions being built by this JVM, as {@code schema.table}; their names carry a nonce, so never collide. */
    private static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private final Set<String> swept = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<String>> candidates;

    /** Marks {@code version} as being built, before it is created. */
    static void building(String schema, String version) {
        IN_FLIGHT.add(schema + "." + version);
    }

    /** Marks {@code version} as published or dropped. */
    static void done(String schema, String version) {
        IN_FLIGHT.remove(schema + "." + version);
    }

    static boolean inFlight(String schema, String table) {
        return IN_FLIGHT.contains(schema + "." + table);
    }

    /** Drops the asset's versions left by crashed processes, once per asset and warehouse. */
    void sweep(Session session, VersionNames names) {
        if (!swept.add(names.schema() + "." + names.name())) {
            return;
        }
        for (String table : candidates(session).getOrDefault(names.schema(), List.of())) {
            if (names.isVersion(table) && !inFlight(names.schema(), table)) {
                try {
                    session.dropIfExists(names.schema(), table, RelationKind.TABLE);
                } catch (WarehouseException e) {
                    // Left for the next process: a version has a unique name, so it is in no one's way.
                }
            }
        }
    }

    private Map<String, List<String>> candidates(Session session) {
        Map<String, List<String>> found = candidates;
        if (found == null) {
            synchronized (this) {
                if (candidates == null) {
                    candidates = Catalog.versionLikeTables(session);
                }
                found = candidates;
            }
        }
        return found;
    }
}
