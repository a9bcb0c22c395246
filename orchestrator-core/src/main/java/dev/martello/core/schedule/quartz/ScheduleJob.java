package dev.martello.core.schedule.quartz;

import dev.martello.core.queue.RunRequest;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

import java.util.function.Consumer;

/**
 * A schedule's tick: queues its selection as a run triggered by {@code schedule:NAME}, with partitions as of the
 * tick's scheduled time (a catch-up tick after downtime still picks the partition its missed tick would have).
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
                Integer.parseInt(data.getString(PRIORITY)), context.getScheduledFireTime().toInstant()));
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("Schedule '" + data.getString(NAME) + "' could not queue its run: "
                + e.getMessage(), e);
        }
    }
}
