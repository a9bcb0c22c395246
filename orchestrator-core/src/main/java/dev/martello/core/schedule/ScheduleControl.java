package dev.martello.core.schedule;

import java.util.List;

/**
 * What an operator sees and changes of a workspace's schedules while the daemon runs them: each schedule with its
 * next and last tick and whether it is paused, and pause/resume. A pause is kept in the job store, so it survives a
 * restart or a reload of the workspace (and holds on every node of a cluster). The adapter is
 * {@code schedule.quartz.QuartzScheduler}; nothing of Quartz shows through this port.
 *
 * <p>{@code control.pause("core_nightly"); control.schedules().getFirst().paused() // true}
 */
public interface ScheduleControl {

    /** Every schedule of {@code workspace.yaml}, in name order. */
    List<ScheduleState> schedules();

    /**
     * Stops the schedule's ticks until {@link #resume}; pausing a paused schedule changes nothing.
     *
     * @throws UnknownScheduleException when the workspace has no such schedule
     */
    ScheduleState pause(String schedule);

    /**
     * Lets the schedule tick again from its next cron time (a tick missed while paused is handled by its misfire
     * setting); resuming a running schedule changes nothing.
     *
     * @throws UnknownScheduleException when the workspace has no such schedule
     */
    ScheduleState resume(String schedule);
}
