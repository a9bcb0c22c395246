package dev.martello.core.automation;

import dev.martello.core.runs.AssetPartition;
import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.RunStore;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.dsl.AssetKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes runs into a real metadata store the way the executor does (queued run with PENDING steps, MATERIALIZED
 * events, terminal statuses), so automation and freshness are tested against what they will really read.
 */
public final class Metadata {
    private final RunStore runs;
    private int next;

    public Metadata(RunStore runs) {
        this.runs = runs;
    }

    /** A queued run whose planned steps are PENDING; returns its id. */
    public String queue(Instant at, String... assets) {
        String id = "run-" + (++next);
        runs.createRun(new Run(id, "test", String.join(",", assets), List.of(), RunStatus.QUEUED, "automation", at,
            null, null, ""));
        List<Step> steps = new ArrayList<>();
        for (String a : assets) {
            steps.add(Step.pending(id, target(a)));
        }
        runs.upsertSteps(steps);
        return id;
    }

    /** Materializes the run's steps at {@code at} and finishes it successfully. */
    public void succeed(String runId, Instant at) {
        runs.updateRunStatus(runId, RunStatus.STARTED, at, "");
        List<RunEvent> events = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Step s : runs.steps(runId)) {
            events.add(new RunEvent.Materialized(runId, at, s.asset(), s.partition(), 1, 1, "c1", "d-" + runId,
                Map.of()));
            steps.add(new Step(runId, s.asset(), s.partition(), StepStatus.SUCCEEDED, 1, at, at, null, ""));
        }
        runs.appendEvents(events);
        runs.upsertSteps(steps);
        runs.updateRunStatus(runId, RunStatus.SUCCEEDED, at, "");
    }

    /** Fails the run without materializing anything. */
    public void fail(String runId, Instant at) {
        runs.updateRunStatus(runId, RunStatus.FAILED, at, "boom");
    }

    /** A run that materializes {@code assets} at {@code at}, from queue to success. */
    public String materialize(Instant at, String... assets) {
        String id = queue(at, assets);
        succeed(id, at);
        return id;
    }

    /** {@code asset} or {@code asset[partition]}. */
    public static AssetPartition target(String text) {
        int bracket = text.indexOf('[');
        return bracket < 0 ? AssetPartition.unpartitioned(AssetKey.parse(text))
            : new AssetPartition(AssetKey.parse(text.substring(0, bracket)),
                text.substring(bracket + 1, text.length() - 1));
    }
}
