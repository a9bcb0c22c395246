package dev.martello.web.runs;

import dev.martello.core.runs.Run;
import dev.martello.core.runs.RunStatus;
import dev.martello.core.runs.Step;
import dev.martello.core.runs.StepStatus;
import dev.martello.web.HostedWorkspace;
import dev.martello.web.sse.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Under {@code martello serve} runs are executed by the daemon's queue (launched here, by schedules, automation,
 * backfills or another node), not by this server; every {@link #PERIOD} this watcher reads the newest runs and their
 * steps from the metadata store and publishes what changed as the same server-sent events a run launched by
 * {@code martello dev} sends ({@code run-started}, {@code step-finished}, {@code materialized}, {@code run-finished}),
 * so open pages update live whoever started the run.
 */
public final class RunWatcher implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int RECENT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(RunWatcher.class);

    private final EventHub events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "martello-run-watcher");
        t.setDaemon(true);
        return t;
    });
    /** Per workspace: run id → status, and run id → step key → status, as last published. */
    private final Map<String, Map<String, RunStatus>> runs = new HashMap<>();
    private final Map<String, Map<String, StepStatus>> steps = new HashMap<>();

    public RunWatcher(Collection<HostedWorkspace> workspaces, EventHub events) {
        this.events = events;
        List<HostedWorkspace> watched = workspaces.stream().filter(w -> w.daemon().isPresent()).toList();
        if (!watched.isEmpty()) {
            timer.scheduleWithFixedDelay(() -> watched.forEach(this::poll), 0, PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    private void poll(HostedWorkspace ws) {
        try {
            boolean first = !runs.containsKey(ws.name());
            Map<String, RunStatus> seen = runs.computeIfAbsent(ws.name(), k -> new HashMap<>());
            Map<String, RunStatus> now = new HashMap<>();
            boolean finished = false;
            for (Run r : ws.runtime().runs(RECENT)) {
                now.put(r.id(), r.status());
                RunStatus before = seen.get(r.id());
                if (first || before == r.status() && r.status().isTerminal()) {
                    continue;
                }
                if (r.startedAt() != null && (before == null || before == RunStatus.QUEUED)) {
                    events.publish("run-started", Map.of("workspace", ws.name(), "runId", r.id(), "selection",
                        r.selection(), "trigger", r.trigger()));
                }
                if (r.status() != RunStatus.QUEUED) {
                    publishSteps(ws, r);
                }
                if (r.status().isTerminal() && before != r.status()) {
                    finished = true;
                    steps.remove(r.id());
                    events.publish("run-finished", Map.of("workspace", ws.name(), "runId", r.id(), "status",
                        r.status().name()));
                }
            }
            runs.put(ws.name(), now);
            if (finished) {
                ws.changed();
            }
        } catch (RuntimeException e) {
            LOG.debug("Runs of workspace {} could not be read: {}", ws.name(), e.getMessage());
        }
    }

    private void publishSteps(HostedWorkspace ws, Run r) {
        Map<String, StepStatus> seen = steps.computeIfAbsent(r.id(), k -> new HashMap<>());
        for (Step s : ws.runtime().store().steps(r.id())) {
            String key = s.asset() + "|" + s.partition();
            if (seen.put(key, s.status()) == s.status()) {
                continue;
            }
            if (s.status() == StepStatus.RUNNING) {
                events.publish("step-started", Map.of("workspace", ws.name(), "runId", r.id(), "asset",
                    s.asset().toString(), "partition", s.partition(), "attempt", s.attempts()));
            } else if (s.status() != StepStatus.PENDING) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("workspace", ws.name());
                data.put("runId", r.id());
                data.put("asset", s.asset().toString());
                data.put("partition", s.partition());
                data.put("status", s.status().name());
                data.put("message", s.message());
                events.publish("step-finished", data);
                if (s.status() == StepStatus.SUCCEEDED) {
                    ws.changedSoon();
                    events.publish("materialized", Map.of("workspace", ws.name(), "runId", r.id(), "asset",
                        s.asset().toString(), "partition", s.partition()));
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
