package dev.martello.cli;

import dev.martello.core.automation.AutomationStore;
import dev.martello.core.automation.Evaluation;
import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.graph.Suggestions;
import dev.martello.core.workspace.Workspace;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code martello why ASSET [--at TIME]}: the automation decisions about an asset, newest first, with reasons. */
@Command(name = "why", mixinStandardHelpOptions = true,
    description = "Explain why automation did or did not materialize an asset: its last decisions at or before a time.")
final class WhyCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ASSET", description = "The asset key, e.g. core/gmv_daily.")
    String asset;

    @Option(names = "--at", paramLabel = "TIME",
        description = "Explain the decisions at or before this time: 2026-03-02T09:00:00Z, 2026-03-02T10:00+01:00, "
            + "or 2026-03-02T09:00 (UTC). Default: now.")
    String at;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
        description = "How many decisions (default: 10).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant when = at == null ? Instant.now() : parseTime(at);
        Workspace ws = workspace.load();
        AssetKey key = AssetKey.parse(asset);
        Asset declared = ws.graph().asset(key).orElseThrow(() -> unknown(ws, key));
        PrintWriter out = spec.commandLine().getOut();
        try (WorkspaceRuntime runtime = Runtimes.open(ws, spec.commandLine().getErr(), false)) {
            AutomationStore store = JooqAutomationStore.on(runtime.store());
            List<Evaluation> decisions = store.evaluations(key, when, limit);
            out.println(key + ": " + (declared.automation() == null
                ? "no automation policy (only schedules, backfills and people materialize it)"
                : "automation " + declared.automation().describe()) + ".");
            if (decisions.isEmpty()) {
                out.println("No automation decision about " + key + " at or before " + when
                    + (declared.automation() == null ? "." : " (the automation tick has not evaluated it yet)."));
            } else {
                out.println("Decisions at or before " + when + ", newest first:");
                List<List<String>> rows = new ArrayList<>();
                for (Evaluation e : decisions) {
                    rows.add(List.of(e.at().toString(), e.target().partition().isEmpty() ? "-" : e.target().partition(),
                        e.decision().name(), e.reason()));
                }
                out.print(TextTable.render(List.of("EVALUATED AT", "PARTITION", "DECISION", "REASON"), rows));
            }
            out.flush();
        }
        return 0;
    }

    static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("--at '" + text + "' is not a time; write it as "
                        + "2026-03-02T09:00:00Z, 2026-03-02T10:00+01:00 or 2026-03-02T09:00 (UTC).");
                }
            }
        }
    }

    private static IllegalArgumentException unknown(Workspace ws, AssetKey key) {
        List<String> keys = ws.graph().assets().stream().map(a -> a.key().toString()).toList();
        String hint = Suggestions.closest(key.toString(), keys).map(s -> " Did you mean '" + s + "'?").orElse("");
        return new IllegalArgumentException("No mart of workspace '" + ws.name() + "' declares the asset '" + key
            + "'." + hint + " List the assets with 'martello list'.");
    }
}
