package dev.martello.core.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A schedule in {@code workspace.yaml}: a cron (Unix five fields, or Quartz six or seven) in a time zone, the
 * selection it runs, which partition of partitioned assets ({@code latest}: the latest complete one as of the tick;
 * or one fixed key), the run's priority, and what happens to ticks missed while no daemon ran: {@code once} (one
 * catch-up run, whatever the number missed) or {@code skip} (none; wait for the next tick).
 *
 * <pre>{@code
 * schedules:
 *   - name: nightly
 *     cron: "0 3 * * *"
 *     timezone: Europe/Zurich
 *     select: "+core/gmv_daily"
 * }</pre>
 */
public record ScheduleConfig(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String cron,
    String timezone,
    @JsonProperty(required = true) String select,
    String partition,
    Integer priority,
    Misfire misfire) {

    public enum Misfire { ONCE, SKIP }

    public ScheduleConfig {
        timezone = timezone == null ? "UTC" : timezone;
        partition = partition == null ? "latest" : partition;
        priority = priority == null ? 0 : priority;
        misfire = misfire == null ? Misfire.ONCE : misfire;
    }
}
