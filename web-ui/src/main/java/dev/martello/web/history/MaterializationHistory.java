package dev.martello.web.history;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Materializations and check results per asset, indexed from the event logs of finished runs. The store keeps only
 * the latest state per partition; the asset page needs the history, so each finished run's events are read once and
 * kept in memory (the newest {@value #RUNS_SCANNED} runs at most on each refresh). {@link #refresh()} reads only runs
 * it has not indexed yet; the hosted workspace calls it off the request path, so reads never touch the store.
 */
public final class MaterializationHistory {
    static final int RUNS_SCANNED = 500;

    private final RunStore store;
    private final Set<String> indexed = new HashSet<>();
    private final Map<String, List<MaterializationRecord>> materializations = new HashMap<>();
    private final Map<String, List<CheckRecord>> checks = new HashMap<>();

    public MaterializationHistory(RunStore store) {
        this.store = store;
    }

    /** The asset's materializations, oldest first. */
    public synchronized List<MaterializationRecord> materializations(String asset) {
        return List.copyOf(materializations.getOrDefault(asset, List.of()));
    }

    /** The asset's check results, newest first. */
    public synchronized List<CheckRecord> checks(String asset) {
        List<CheckRecord> out = new ArrayList<>(checks.getOrDefault(asset, List.of()));
        out.sort(Comparator.comparing(CheckRecord::at).reversed());
        return out;
    }

    /** Reads the runs finished since the last refresh. */
    public synchronized void refresh() {
        for (Run run : store.runs(RUNS_SCANNED)) {            if (run.finishedAt() == null || indexed.contains(run.id())) {
                continue;
            }
            indexed.add(run.id());
            for (RunEvent e : store.events(run.id())) {
                if (e instanceof RunEvent.Materialized m) {
                    insertSorted(materializations.computeIfAbsent(m.asset().toString(), k -> new ArrayList<>()),
                        new MaterializationRecord(m.runId(), m.partition(), m.at(), m.rowCount(), m.durationMs()));
                } else if (e instanceof RunEvent.CheckEvaluated c) {
                    checks.computeIfAbsent(c.asset().toString(), k -> new ArrayList<>()).add(new CheckRecord(
                        c.runId(), c.partition(), c.at(), c.checkName(), c.severity().name(), c.passed(),
                        c.failingRows(), c.message()));
                }
            }
        }
    }

    private static void insertSorted(List<MaterializationRecord> list, MaterializationRecord r) {
        int i = list.size();
        while (i > 0 && list.get(i - 1).at().isAfter(r.at())) {
            i--;
        }
        list.add(i, r);
    }
}
