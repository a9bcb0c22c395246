package dev.martello.web;

import dev.martello.core.freshness.FreshnessStatus;
import dev.martello.core.freshness.FreshnessTransition;
import dev.martello.web.assets.AssetState;
import dev.martello.web.assets.StateSnapshot;
import dev.martello.web.sse.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Freshness changes with the clock, not only with runs, and a daemon's runs change states without this server
 * hearing of them: every {@value #PERIOD_SECONDS} seconds each hosted workspace is {@link HostedWorkspace#refresh()
 * refreshed} on one background thread, so requests never compute states. Every refresh (also one a run triggers)
 * whose freshness evaluation found transitions becomes a {@code freshness} event: the transitions (per asset and per
 * partition) and the workspace's counts per status, so open pages recolour an asset as it becomes late.
 */
final class Refresher implements AutoCloseable {
    static final int PERIOD_SECONDS = 5;
    /** Transitions sent in one event at most; the counts still cover everything. */
    static final int MAX_TRANSITIONS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "martello-refresh");
        t.setDaemon(true);
        return t;
    });

    Refresher(Workspaces workspaces, EventHub events) {
        for (HostedWorkspace w : workspaces.all()) {
            w.onRefresh(s -> publish(events, w.name(), s));
        }
        timer.scheduleWithFixedDelay(() -> {
            for (HostedWorkspace w : workspaces.all()) {
                if (w.notRunning()) {
                    continue; // not running under the daemon: its problems are what the server shows
                }
                try {
                    w.refresh();
                } catch (RuntimeException e) {
                    LOG.warn("Workspace {} could not be refreshed: {}", w.name(), e.getMessage());
                }
            }
        }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    static void publish(EventHub events, String workspace, StateSnapshot s) {
        List<FreshnessTransition> transitions = s.transitions();
        if (transitions.isEmpty()) {
            return;
        }
        Map<FreshnessStatus, Integer> counts = new EnumMap<>(FreshnessStatus.class);
        for (AssetState st : s.states().values()) {
            counts.merge(st.freshness().state(), 1, Integer::sum);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workspace", workspace);
        data.put("at", s.at());
        data.put("counts", counts);
        data.put("transitions", transitions.stream().limit(MAX_TRANSITIONS).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", t.target().asset().toString());
            m.put("partition", t.target().partition());
            m.put("from", t.from());
            m.put("to", t.to());
            m.put("at", t.at());
            m.put("reason", t.reason());
            return m;
        }).toList());
        data.put("more", Math.max(0, transitions.size() - MAX_TRANSITIONS));
        events.publish("freshness", data);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
