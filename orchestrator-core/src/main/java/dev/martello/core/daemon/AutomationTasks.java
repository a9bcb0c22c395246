package dev.martello.core.daemon;

import dev.martello.core.automation.AutomationEvaluator;
import dev.martello.core.automation.TickResult;
import dev.martello.core.automation.jooq.JooqAutomationStore;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.freshness.FreshnessEvaluator;
import dev.martello.core.freshness.jooq.JooqFreshnessStore;
import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.ObservationStore;
import dev.martello.core.observation.SourceObserver;
import dev.martello.core.observation.jooq.JooqObservationStore;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.RunStore;
import dev.martello.core.schedule.PeriodicTask;
import dev.martello.core.workspace.WorkspaceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The daemon's periodic work for declarative automation, per workspace: poll the sources for new data, run the
 * automation tick and submit what it requests to the queue, and judge freshness. Scheduled as {@link PeriodicTask}s
 * through the job store, so in a cluster each tick runs on one node.
 *
 * <p>{@code DaemonSettings.defaults().withTasks(AutomationTasks::of)}
 */
public final class AutomationTasks {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationTasks.class);

    private AutomationTasks() {
    }

    /** The tasks of the workspace {@code queue} runs; none when no asset has an automation or freshness policy. */
    public static List<PeriodicTask> of(WorkspaceQueue queue) {
        WorkspaceRuntime runtime = queue.runtime();
        AssetGraph graph = runtime.workspace().graph();
        if (graph.assets().stream().allMatch(a -> a.automation() == null && a.freshness() == null)) {
            return List.of();
        }
        WorkspaceConfig.AutomationConfig config = runtime.workspace().config().automation();
        RunStore store = runtime.store();
        ObservationStore observations = JooqObservationStore.on(store);
        SourceObserver observer = new SourceObserver(graph, runtime.warehouse(), observations, config.sourcePoll());
        AutomationEvaluator automation = AutomationEvaluator.open(graph, store, observations,
            JooqAutomationStore.on(store));
        FreshnessEvaluator freshness = FreshnessEvaluator.open(graph, store, observations,
            JooqFreshnessStore.on(store));
        return List.of(
            PeriodicTask.of("source-observation", config.sourcePoll(), observer::observe),
            PeriodicTask.of("automation", config.tick(), now -> submit(queue, automation.tick(now), now)),
            PeriodicTask.of("freshness", config.tick(), freshness::evaluate));
    }

    /**
     * One run per partition key among the requests (the unpartitioned together), so assets requested at one tick
     * run together in dependency order.
     */
    static void submit(WorkspaceQueue queue, TickResult tick, Instant now) {
        Map<String, List<String>> byPartition = tick.requests().stream().collect(Collectors.groupingBy(
            r -> r.target().partition(), TreeMap::new,
            Collectors.mapping(r -> r.target().asset().toString(), Collectors.toList())));
        byPartition.forEach((partition, assets) -> {
            PartitionChoice choice = partition.isEmpty() ? PartitionChoice.latest()
                : new PartitionChoice.Single(partition);
            String selection = assets.stream().distinct().sorted().collect(Collectors.joining(" or "));
            var run = queue.submit(RunRequest.of(queue.workspace(), selection, choice,
                dev.martello.core.automation.RunRequest.TRIGGER).asOf(now));
            LOG.info("Automation requested run {} for {}{}", run.id(), selection,
                partition.isEmpty() ? "" : " [" + partition + "]");
        });
    }
}
