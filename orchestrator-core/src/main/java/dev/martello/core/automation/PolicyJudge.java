package dev.martello.core.automation;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.observation.UpdateTracker;
import dev.martello.core.runs.AssetPartition;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one asset's automation policy to one of its partitions (PRODUCT.md, "Automation"). Every policy first
 * waits while the partition itself or an upstream is in progress, and while an upstream is missing; then
 * {@code eager} requests when an upstream updated after the later of the last materialization and the last request
 * (so a failed run is not requested again until something new arrives), {@code onCron} once per tick when every
 * upstream updated after that tick, {@code onMissing} when never materialized.
 */
final class PolicyJudge {
    /** {@code waiting}: the outcome may change without any new update (something in progress), so look again. */
    record Outcome(Decision decision, String reason, Instant cronTick, boolean waiting) {
        static Outcome request(String reason) {
            return new Outcome(Decision.REQUESTED, reason, null, false);
        }

        static Outcome skip(String reason) {
            return new Outcome(Decision.SKIPPED, reason, null, false);
        }
    }

    /**
     * One upstream partition (or source) as automation sees it; {@code updatedAt} null when it never updated;
     * {@code planned} when it is requested at this tick and will run first in the same run.
     */
    private record Upstream(String label, Instant updatedAt, boolean missing, String runId, boolean planned) {
    }

    private final AssetGraph graph;
    private final UpdateTracker updates;
    private final Map<AssetPartition, String> inProgress;
    private final Map<AssetPartition, Evaluation> lastRequests;
    private final Map<Integer, CronTicks> crons;
    private final Set<AssetPartition> planned;

    /** @param planned the asset partitions requested so far at this tick (read as it grows) */
    PolicyJudge(AssetGraph graph, UpdateTracker updates, Map<AssetPartition, String> inProgress,
                Map<AssetPartition, Evaluation> lastRequests, Map<Integer, CronTicks> crons,
                Set<AssetPartition> planned) {
        this.planned = planned;
        this.graph = graph;
        this.updates = updates;
        this.inProgress = inProgress;
        this.lastRequests = lastRequests;
        this.crons = crons;
    }

    Outcome judge(int node, String key, Instant now) {
        Asset asset = graph.asset(node);
        AssetPartition target = new AssetPartition(asset.key(), key);
        String own = inProgress.get(target);
        if (own != null) {
            return new Outcome(Decision.SKIPPED, target + " is already in progress (run " + own + ")", null, true);
        }
        Instant mine = updates.materializedAt(target);
        if (mine != null && asset.automation() instanceof AutomationPolicy.OnMissing) {
            return Outcome.skip("not missing: materialized at " + mine);
        }
        List<Upstream> ups = upstreams(node, asset, key, now);
        for (Upstream u : ups) {
            if (u.runId() != null) {
                return new Outcome(Decision.SKIPPED, "upstream " + u.label() + " is in progress (run " + u.runId() + ")",
                    null, true);
            }
        }
        for (Upstream u : ups) {
            if (u.missing()) {
                return Outcome.skip("upstream " + u.label() + " is missing (never materialized)");
            }
        }
        Evaluation request = lastRequests.get(target);
        return switch (asset.automation()) {
            case AutomationPolicy.Eager e -> eager(ups, mine, request == null ? null : request.at());
            case AutomationPolicy.OnCron c -> onCron(c, crons.get(node), ups, request, now);
            case AutomationPolicy.OnMissing m -> onMissing(ups, request == null ? null : request.at());
        };
    }

    private static Outcome eager(List<Upstream> ups, Instant mine, Instant requested) {
        for (Upstream u : ups) {
            if (u.planned()) {
                return Outcome.request("upstream " + u.label() + " is requested at this tick; runs after it in the"
                    + " same run");
            }
        }
        if (mine == null && requested == null) {
            return Outcome.request("never materialized and every upstream is present");
        }
        boolean sinceRequest = mine == null || requested != null && requested.isAfter(mine);
        Instant since = sinceRequest ? requested : mine;
        Upstream newest = newest(ups);
        String last = sinceRequest ? "the last request at " + requested : "the last materialization at " + mine;
        if (newest != null && newest.updatedAt().isAfter(since)) {
            return Outcome.request("upstream " + newest.label() + " updated at " + newest.updatedAt() + ", after "
                + last);
        }
        if (mine == null) {
            return Outcome.skip("requested at " + requested + " and still missing; waiting for an upstream update "
                + "before asking again");
        }
        return Outcome.skip("up to date: no upstream updated since " + last);
    }

    private static Outcome onCron(AutomationPolicy.OnCron policy, CronTicks ticks, List<Upstream> ups,
                                  Evaluation request, Instant now) {
        Instant tick = ticks.lastAtOrBefore(now);
        if (tick == null) {
            return Outcome.skip("no tick of cron '" + policy.cron() + "' yet");
        }
        if (request != null && tick.equals(request.cronTick())) {
            return Outcome.skip("already requested for the cron tick at " + tick);
        }
        for (Upstream u : ups) {
            if (u.updatedAt() == null || !u.updatedAt().isAfter(tick)) {
                return Outcome.skip("waiting for upstream " + u.label() + " to update after the cron tick at " + tick
                    + " (last update: " + (u.updatedAt() == null ? "never" : u.updatedAt()) + ")");
            }
        }
        return new Outcome(Decision.REQUESTED, ups.isEmpty() ? "cron tick at " + tick
            : "every upstream updated after the cron tick at " + tick, tick, false);
    }

    private static Outcome onMissing(List<Upstream> ups, Instant requested) {
        Upstream newest = newest(ups);
        if (requested != null && (newest == null || !newest.updatedAt().isAfter(requested))) {
            return Outcome.skip("requested at " + requested + " and still missing; waiting for an upstream update "
                + "before asking again");
        }
        return Outcome.request("missing and every upstream is present");
    }

    private static Upstream newest(List<Upstream> ups) {
        Upstream newest = null;
        for (Upstream u : ups) {
            if (u.updatedAt() != null && (newest == null || u.updatedAt().isAfter(newest.updatedAt()))) {
                newest = u;
            }
        }
        return newest;
    }

    private List<Upstream> upstreams(int node, Asset asset, String key, Instant now) {
        List<Upstream> out = new ArrayList<>();
        for (int u : graph.upstream(node)) {
            Source source = graph.source(u);
            if (source != null) {
                out.add(new Upstream(source.key().toString(), updates.sourceUpdatedAt(source.key()), false, null,
                    false));
                continue;
            }
            Asset up = graph.asset(u);
            for (String q : PartitionScope.upstream(asset, key, up, now)) {
                AssetPartition p = new AssetPartition(up.key(), q);
                if (planned.contains(p)) {
                    // Same partition key: the same run materializes it first. Another key runs in a run of its own,
                    // so wait for it as for any run in progress.
                    out.add(q.equals(key) ? new Upstream(p.toString(), now, false, null, true)
                        : new Upstream(p.toString(), null, false, "requested at this tick", false));
                    continue;
                }
                Instant at = updates.materializedAt(p);
                out.add(new Upstream(p.toString(), at, at == null, inProgress.get(p), false));
            }
        }
        return out;
    }
}
