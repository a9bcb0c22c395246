package dev.martello.core.schedule.quartz;

import dev.martello.core.schedule.PeriodicTask;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** One tick of a {@link PeriodicTask}; never two of one task at once. */
@DisallowConcurrentExecution
public final class TaskJob implements Job {
    static final String TASKS = "martello.tasks";
    private static final Logger LOG = LoggerFactory.getLogger(TaskJob.class);

    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getJobDetail().getKey().getName();
        try {
            Map<String, PeriodicTask> tasks = (Map<String, PeriodicTask>) context.getScheduler().getContext()
                .get(TASKS);
            PeriodicTask task = tasks.get(name);
            if (task != null) {
                task.run(context.getScheduledFireTime().toInstant());
            }
        } catch (Exception e) {
            LOG.warn("Periodic task {} failed; its next tick comes as usual", name, e);
        }
    }
}
