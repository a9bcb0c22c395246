package dev.martello.core.staleness;

import dev.martello.core.runs.AssetPartitionState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether an asset partition reflects its current code and inputs, judged only from what its latest
 * materialization recorded: {@link Missing} (never materialized), {@link Stale} with every reason, or
 * {@link UpToDate}. {@link #describe()} is the text the CLI and UI show.
 *
 * <p>{@code Staleness.of("c3d4", Map.of("commerce/orders", "r1"), state).describe()} gives, say,
 * {@code STALE: code changed (a1b2 → c3d4)}.
 */
public sealed interface Staleness {

    String describe();

    /**
     * Judges a partition.
     *
     * @param currentCodeVersion  the asset's code version now
     * @param currentUpstreams    every upstream key the asset depends on now, mapped to that upstream's latest data
     *                            version, or to null when it has none (never materialized or observed)
     * @param recorded            what the latest materialization recorded, or null if there was none
     */
    static Staleness of(String currentCodeVersion, Map<String, String> currentUpstreams, AssetPartitionState recorded) {
        Objects.requireNonNull(currentCodeVersion, "currentCodeVersion");
        if (recorded == null) {
            return new Missing();
        }
        List<Reason> reasons = new ArrayList<>();
        if (!recorded.codeVersion().equals(currentCodeVersion)) {
            reasons.add(new Reason.CodeChanged(recorded.codeVersion(), currentCodeVersion));
        }
        Map<String, String> read = recorded.inputDataVersions();
        SortedSet<String> added = new TreeSet<>(currentUpstreams.keySet());
        added.removeAll(read.keySet());
        SortedSet<String> removed = new TreeSet<>(read.keySet());
        removed.removeAll(currentUpstreams.keySet());
        if (!added.isEmpty() || !removed.isEmpty()) {
            reasons.add(new Reason.DependenciesChanged(List.copyOf(added), List.copyOf(removed)));
        }
        // An upstream without a version now (wiped, or a source never observed) says nothing about newer data.
        new TreeSet<>(currentUpstreams.keySet()).stream()
            .filter(key -> read.containsKey(key) && currentUpstreams.get(key) != null)
            .filter(key -> !read.get(key).equals(currentUpstreams.get(key)))
            .forEach(key -> reasons.add(new Reason.UpstreamNewer(key, read.get(key), currentUpstreams.get(key))));
        return reasons.isEmpty() ? new UpToDate() : new Stale(reasons);
    }

    record Missing() implements Staleness {
        @Override
        public String describe() {
            return "MISSING: never materialized";
        }
    }

    record UpToDate() implements Staleness {
        @Override
        public String describe() {
            return "UP-TO-DATE";
        }
    }

    /** Stale for every one of {@code reasons}, in the order: code, dependencies, upstream data. */
    record Stale(List<Reason> reasons) implements Staleness {
        public Stale {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a stale partition needs at least one reason");
            }
        }

        @Override
        public String describe() {
            return "STALE: " + reasons.stream().map(Reason::describe).collect(Collectors.joining("; "));
        }
    }

    /** Why a partition is stale. */
    sealed interface Reason {
        String describe();

        record CodeChanged(String recorded, String current) implements Reason {
            @Override
            public String describe() {
                return "code changed (" + recorded + " → " + current + ")";
            }
        }

        /** The upstream was materialized again since this partition read it. */
        record UpstreamNewer(String upstream, String recorded, String current) implements Reason {
            @Override
            public String describe() {
                return "upstream " + upstream + " has a newer data version";
            }
        }

        record DependenciesChanged(List<String> added, List<String> removed) implements Reason {
            public DependenciesChanged {
                added = List.copyOf(added);
                removed = List.copyOf(removed);
            }

            @Override
            public String describe() {
                List<String> parts = new ArrayList<>();
                if (!added.isEmpty()) {
                    parts.add("added " + String.join(", ", added));
                }
                if (!removed.isEmpty()) {
                    parts.add("removed " + String.join(", ", removed));
                }
                return "dependencies changed (" + String.join("; ", parts) + ")";
            }
        }
    }
}
