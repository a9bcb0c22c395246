package dev.martello.core.graph.rules;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.AutomationPolicy;
import dev.martello.dsl.FreshnessPolicy;
import dev.martello.dsl.Location;
import dev.martello.dsl.Problem;
import dev.martello.dsl.Source;

import java.util.List;

/** Cron expressions in freshness and automation policies are valid 5-field Unix crons (parsed by cron-utils). */
public final class CronRule implements GraphRule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        for (int i = 0; i < graph.size(); i++) {
            Asset a = graph.asset(i);
            Source s = graph.source(i);
            String subject = graph.key(i).toString();
            Location at = a != null ? a.location() : s.location();
            FreshnessPolicy f = a != null ? a.freshness() : s.freshness();
            if (f instanceof FreshnessPolicy.CronDeadline d) {
                check(subject, at, "freshness", d.cron(), out);
            }
            if (a != null && a.automation() instanceof AutomationPolicy.OnCron c) {
                check(subject, at, "automation", c.cron(), out);
            }
        }
    }

    private static void check(String subject, Location at, String what, String cron, List<Problem> out) {
        try {
            UNIX.parse(cron == null ? "" : cron).validate();
        } catch (IllegalArgumentException e) {
            String kind = subject.contains("/") ? "Asset" : "Source";
            out.add(new Problem("invalid-cron", subject, at,
                kind + " '" + subject + "' has " + what + " cron '" + cron + "', which is not a 5-field Unix cron ("
                    + e.getMessage() + ").",
                "Write 'minute hour day-of-month month day-of-week', e.g. '0 7 * * *' for 07:00 every day."));
        }
    }
}
