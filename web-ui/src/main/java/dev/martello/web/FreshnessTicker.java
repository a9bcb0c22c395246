package dev.martello.web;

import dev.martello.web.assets.AssetState;
import dev.martello.web.freshness.FreshnessState;
import dev.martello.web.sse.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Freshness changes with the clock, not only with runs: every {@value #PERIOD_SECONDS} seconds each workspace's
 * counts per state are recomputed and a {@code freshness} event is sent when they changed, so open pages turn an
 * asset red when it becomes late.
 */
final class FreshnessTicker implements AutoCloseable {
    static final int PERIOD_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(FreshnessTicker.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "martello-freshness");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Map<FreshnessState, Integer>> last = new HashMap<>();

    FreshnessTicker(Workspaces workspaces, EventHub events) {
        timer.scheduleWithFixedDelay(() -> {
            for (HostedWorkspace w : workspaces.all()) {
                try {
                    Map<FreshnessState, Integer> counts = new EnumMap<>(FreshnessState.class);
                    for (AssetState s : w.states().all(w.runtime()).values()) {
                        counts.merge(s.freshness().state(), 1, Integer::sum);
                    }
                    if (!counts.equals(last.put(w.name(), counts))) {
                        events.publish("freshness", Map.of("workspace", w.name(), "counts", counts));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Freshness of workspace {} could not be evaluated: {}", w.name(), e.getMessage());
                }
            }
        }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
