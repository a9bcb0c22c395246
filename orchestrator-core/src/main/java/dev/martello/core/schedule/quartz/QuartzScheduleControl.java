package dev.martello.core.schedule.quartz;

import dev.martello.core.schedule.ScheduleControl;
import dev.martello.core.schedule.ScheduleState;
import dev.martello.core.schedule.UnknownScheduleException;
import dev.martello.core.workspace.ScheduleConfig;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * {@link ScheduleControl} over the Quartz triggers of one workspace's schedules. Pausing pauses the schedule's trigger
 * in the JDBC job store ({@code TRIGGER_STATE = PAUSED}), so the pause outlives the process; the schedules' definitions
 * are those last given to {@link QuartzScheduler#syncSchedules}.
 */
final class QuartzScheduleControl implements ScheduleControl {
    private final Scheduler quartz;
    private final String workspace;
    private volatile List<ScheduleConfig> defined = List.of();

    QuartzScheduleControl(Scheduler quartz, String workspace) {
        this.quartz = quartz;
        this.workspace = workspace;
    }

    void define(List<ScheduleConfig> schedules) {
        defined = schedules.stream().sorted(Comparator.comparing(ScheduleConfig::name)).toList();
    }

    @Override
    public List<ScheduleState> schedules() {
        return defined.stream().map(this::state).toList();
    }

    @Override
    public ScheduleState pause(String schedule) {
        ScheduleConfig s = require(schedule);
        try {
            quartz.pauseTrigger(key(s.name()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot pause schedule '" + schedule + "' of workspace '" + workspace
                + "': " + e.getMessage(), e);
        }
        return state(s);
    }

    @Override
    public ScheduleState resume(String schedule) {
        ScheduleConfig s = require(schedule);
        try {
            quartz.resumeTrigger(key(s.name()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot resume schedule '" + schedule + "' of workspace '" + workspace
                + "': " + e.getMessage(), e);
        }
        return state(s);
    }

    private ScheduleConfig require(String schedule) {
        return defined.stream().filter(s -> s.name().equals(schedule)).findFirst()
            .orElseThrow(() -> new UnknownScheduleException(workspace, schedule,
                defined.stream().map(ScheduleConfig::name).toList()));
    }

    private ScheduleState state(ScheduleConfig s) {
        try {
            TriggerKey key = key(s.name());
            Trigger t = quartz.getTrigger(key);
            boolean paused = quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED;
            Instant next = t == null || paused ? null : instant(t.getNextFireTime());
            Instant last = t == null ? null : instant(t.getPreviousFireTime());
            return new ScheduleState(s.name(), s.cron(), s.timezone(), s.select(),
                s.partition() == null ? "latest" : s.partition(), s.priority(), paused, next, last);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read schedule '" + s.name() + "' of workspace '" + workspace
                + "': " + e.getMessage(), e);
        }
    }

    static TriggerKey key(String schedule) {
        return TriggerKey.triggerKey(schedule, QuartzScheduler.SCHEDULES);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
