package dev.martello.core.observation;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.warehouse.Warehouse;
import dev.martello.core.warehouse.WarehouseException;
import dev.martello.dsl.Source;
import dev.martello.dsl.SourceKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Polls the workspace's sources through the {@link Warehouse} port: the max of a source's loaded-at column, or its
 * row count when it declares none. A value that differs from the last one stored is a new data version, stored as a
 * {@link SourceObservation} and so an upstream update for automation. Each source is polled at most once per
 * {@code interval}; driven by an explicit {@code now}, it owns no thread.
 */
public final class SourceObserver {
    private final List<Source> sources = new ArrayList<>();
    private final Warehouse warehouse;
    private final ObservationStore store;
    private final Duration interval;
    private final Map<SourceKey, Instant> nextPoll = new HashMap<>();
    private Map<SourceKey, String> lastVersion;

    public SourceObserver(AssetGraph graph, Warehouse warehouse, ObservationStore store, Duration interval) {
        for (int n = 0; n < graph.size(); n++) {
            if (graph.source(n) != null) {
                sources.add(graph.source(n));
            }
        }
        this.warehouse = warehouse;
        this.store = store;
        this.interval = interval;
    }

    /** Polls every source whose interval has passed at {@code now}. */
    public ObservationResult observe(Instant now) {
        if (lastVersion == null) {
            lastVersion = new HashMap<>();
            store.latestObservations().forEach((k, o) -> lastVersion.put(k, o.dataVersion()));
        }
        List<SourceObservation> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int polled = 0;
        for (Source s : sources) {
            Instant due = nextPoll.get(s.key());
            if (due != null && due.isAfter(now)) {
                continue;
            }
            nextPoll.put(s.key(), now.plus(interval));
            polled++;
            try {
                Optional<String> version = read(s);
                if (version.isEmpty()) {
                    problems.add("source " + s.key() + " does not exist in the " + warehouse.name()
                        + " warehouse; nothing observed (load it, or fix the source's name in its mart)");
                } else if (!version.get().equals(lastVersion.get(s.key()))) {
                    observed.add(store.record(s.key(), now, version.get()));
                    lastVersion.put(s.key(), version.get());
                }
            } catch (WarehouseException e) {
                problems.add("source " + s.key() + " could not be observed: " + e.getMessage());
            }
        }
        return new ObservationResult(observed, problems, polled);
    }

    private Optional<String> read(Source s) {
        if (s.loadedAtColumn() != null) {
            return warehouse.maxValue(s.key(), s.loadedAtColumn())
                .map(v -> "max(" + s.loadedAtColumn() + ")=" + v);
        }
        OptionalLong rows = warehouse.rowCount(s.key());
        return rows.isPresent() ? Optional.of("rows=" + rows.getAsLong()) : Optional.empty();
    }
}
