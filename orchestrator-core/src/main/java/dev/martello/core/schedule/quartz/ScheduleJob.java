package dev.martello.core.schedule.quartz;

import dev.martello.core.queue.RunRequest;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * A schedule's tick: queues its selection as a run triggered by {@code schedule:NAME}, with partitions as of the
 * tick's scheduled time. A catch-up fire after downtime (Quartz schedules it "now") picks the partition of the last
 * tick it missed, e.g. the daily partition before that tick's day, not one of a later day.
 */
@DisallowConcurrentExecution
public final class ScheduleJob implements Job {
    static final String SUBMIT = "martello.submit";
    static final String WORKSPACE = "workspace";
    static final String NAME = "name";
    static final String SELECT = "select";
    static final String PARTITION = "partition";
    static final String PRIORITY = "priority";

    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        try {
            Consumer<RunRequest> submit = (Consumer<RunRequest>) context.getScheduler().getContext().get(SUBMIT);
            submit.accept(new RunRequest(data.getString(WORKSPACE), data.getString(SELECT),
                QuartzScheduler.partitionChoice(data.getString(PARTITION)), "schedule:" + data.getString(NAME),
                Integer.parseInt(data.getString(PRIORITY)), asOf(context.getTrigger(), context.getPreviousFireTime(),
                context.getScheduledFireTime())));
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("Schedule '" + data.getString(NAME) + "' could not queue its run: "
                + e.getMessage(), e);
        }
    }

    /** Windows looked back in for the last tick, nearest first, so a per-second cron walks at most an hour of ticks. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofHours(1), Duration.ofDays(1),
        Duration.ofDays(32), Duration.ofDays(367));

    /**
     * The last tick of {@code trigger} at or before {@code scheduled}: {@code scheduled} itself for a fire on time, the
     * last missed tick for a catch-up fire; ticks before the previous fire (or the trigger's start) do not count.
     */
    static Instant asOf(Trigger trigger, Date previousFire, Date scheduled) {
        Date earliest = previousFire != null ? previousFire : trigger.getStartTime();
        for (Duration window : LOOK_BACK) {
            Date from = new Date(Math.max(earliest.getTime(), scheduled.getTime() - window.toMillis()) - 1);
            Date last = null;
            for (Date t = trigger.getFireTimeAfter(from); t != null && !t.after(scheduled);
                 t = trigger.getFireTimeAfter(t)) {
                last = t;
            }
            if (last != null) {
                return last.toInstant();
            }
            if (from.getTime() + 1 == earliest.getTime()) {
                break; // walked back to the previous fire: no tick in between
            }
        }
        return scheduled.toInstant();
    }
}
