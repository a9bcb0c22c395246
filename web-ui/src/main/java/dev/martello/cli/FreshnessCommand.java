package dev.martello.cli;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.freshness.FreshnessEvaluator;
import dev.martello.core.freshness.FreshnessState;
import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.FreshnessStore;
import dev.martello.core.freshness.SloReport;
import dev.martello.core.freshness.SourceFreshness;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.runs.AssetPartition;
import dev.martello.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code martello freshness [--by mart|owner]}: each asset's freshness now and its SLO figures (share of time in
 * PASS over 7 and 28 days), or both summed per mart or owner.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
    description = "Show freshness (PASS/WARN/FAIL/UNKNOWN) now and the SLO: share of time in PASS over 7 and 28 days.")
final class FreshnessCommand implements Callable<Integer> {
    enum Grouping { MART, OWNER }

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--by", paramLabel = "mart|owner", description = "Sum per mart or per owner.")
    Grouping by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workspace ws = workspace.load();
        Instant now = Instant.now();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            FreshnessStore store = JooqFreshnessStore.on(runtime.store());
            FreshnessEvaluator evaluator = FreshnessEvaluator.open(ws.graph(), runtime.store(),
                JooqObservationStore.on(runtime.store()), store);
            evaluator.preview(now); // the daemon stores transitions; a reader only looks
            Map<AssetPartition, FreshnessState> states = evaluator.states();
            SloReport report = SloReport.of(ws.graph(), store, now);
            String table = by == null ? perAsset(report, states) : grouped(report, states);
            spec.commandLine().getOut().print(report.assets().isEmpty()
                ? "No asset of workspace '" + ws.name() + "' has a freshness policy.\n" : table);
            if (by == null && !evaluator.sourceStates().isEmpty()) {
                spec.commandLine().getOut().print("\n" + sources(evaluator.sourceStates()));
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static String perAsset(SloReport report, Map<AssetPartition, FreshnessState> states) {
        List<List<String>> rows = new ArrayList<>();
        for (SloReport.AssetFigures a : report.assets()) {
            FreshnessState s = states.get(AssetPartition.unpartitioned(a.asset()));
            rows.add(List.of(a.asset().toString(), a.policy(), s.status().name(), a.week().percent(),
                a.month().percent(), s.reason()));
        }
        return TextTable.render(List.of("ASSET", "POLICY", "STATUS", "SLO 7D", "SLO 28D", "WHY"), rows);
    }

    /** Sources with a policy, judged by when new data was last observed in them (no SLO: never materialized). */
    private static String sources(List<SourceFreshness> sources) {
        List<List<String>> rows = new ArrayList<>();
        for (SourceFreshness s : sources) {
            rows.add(List.of(s.source().toString(), s.status().name(), s.reason()));
        }
        return TextTable.render(List.of("SOURCE", "STATUS", "WHY"), rows);
    }

    private String grouped(SloReport report, Map<AssetPartition, FreshnessState> states) {
        Map<String, Map<FreshnessStatus, Integer>> counts = new TreeMap<>();
        for (SloReport.AssetFigures a : report.assets()) {
            FreshnessStatus status = states.get(AssetPartition.unpartitioned(a.asset())).status();
            for (String group : by == Grouping.MART ? List.of(a.mart()) : a.owners()) {
                counts.computeIfAbsent(group, g -> new EnumMap<>(FreshnessStatus.class)).merge(status, 1, Integer::sum);
            }
        }
        Map<String, SloReport.Figures> figures = by == Grouping.MART ? report.byMart() : report.byOwner();
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((group, c) -> {
            SloReport.Figures f = figures.get(group);
            rows.add(List.of(group, String.valueOf(f.assets()), count(c, FreshnessStatus.PASS),
                count(c, FreshnessStatus.WARN), count(c, FreshnessStatus.FAIL), count(c, FreshnessStatus.UNKNOWN),
                f.week().percent(), f.month().percent()));
        });
        return TextTable.render(List.of(by.name(), "ASSETS", "PASS", "WARN", "FAIL", "UNKNOWN", "SLO 7D", "SLO 28D"),
            rows);
    }

    private static String count(Map<FreshnessStatus, Integer> counts, FreshnessStatus s) {
        return String.valueOf(counts.getOrDefault(s, 0));
    }
}
