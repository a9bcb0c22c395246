package dev.martello.core.schedule.quartz;

import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.runs.MetadataDatabase;
import dev.martello.core.schedule.Crons;
import dev.martello.core.schedule.PeriodicTask;
import dev.martello.core.schedule.ScheduleControl;
import dev.martello.core.workspace.ScheduleConfig;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The schedules and periodic tasks of one workspace in Quartz, with its JDBC job store in the metadata database
 * ({@code V2}'s QRTZ_ tables), so triggers and their next fire times survive restarts. On PostgreSQL Quartz runs
 * clustered: every node of the workspace shares one scheduler name, each tick fires on one node, and a dead node's
 * triggers are taken over by the others (Quartz notices after about {@link #CHECKIN_MS} plus 7.5 s).
 *
 * <p>Misfires: a tick is missed when no node ran at its time (more than {@link #MISFIRE_THRESHOLD_MS} late). A
 * schedule with {@code misfire: once} then fires once at start-up, however many ticks were missed, and goes on with
 * its cron; {@code skip} waits for its next tick. Periodic tasks skip missed ticks.
 */
public final class QuartzScheduler implements AutoCloseable {
    static final String SCHEDULES = "schedule";
    static final String TASKS = "task";
    static final long CHECKIN_MS = 2_000;
    static final long MISFIRE_THRESHOLD_MS = 5_000;

    private final Scheduler quartz;
    private final String workspace;
    private final QuartzScheduleControl control;

    private QuartzScheduler(Scheduler quartz, String workspace) {
        this.quartz = quartz;
        this.workspace = workspace;
        this.control = new QuartzScheduleControl(quartz, workspace);
    }

    /**
     * Opens the scheduler in standby; {@link #start()} starts firing.
     *
     * @param submit receives the run request of every schedule tick
     */
    public static QuartzScheduler open(String workspace, String node, MetadataDatabase database,
                                       Consumer<RunRequest> submit, List<PeriodicTask> tasks) {
        String name = "martello-" + workspace;
        String dataSource = "martello-" + workspace + "-" + node;
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
                // The metadata store owns the pool and closes it.
            }

            @Override
            public void initialize() {
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.instanceId", node);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // Reads blobs with getBytes, which both H2 (BINARY VARYING) and PostgreSQL (BYTEA) support.
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(database.postgres()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN_MS));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        try {
            Scheduler quartz;
            synchronized (SchedulerRepository.getInstance()) {
                quartz = new StdSchedulerFactory(p).getScheduler();
                // Quartz keeps one scheduler per name in a JVM; nodes of one cluster may share a JVM (tests), and a
                // reloaded workspace opens its scheduler again, so it is not kept in that registry.
                SchedulerRepository.getInstance().remove(name);
            }
            Map<String, PeriodicTask> byName = tasks.stream()
                .collect(Collectors.toMap(PeriodicTask::name, t -> t));
            quartz.getContext().put(ScheduleJob.SUBMIT, submit);
            quartz.getContext().put(TaskJob.TASKS, byName);
            QuartzScheduler out = new QuartzScheduler(quartz, workspace);
            out.syncTasks(tasks);
            return out;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot open the scheduler of workspace '" + workspace + "': "
                + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the scheduler of workspace '" + workspace + "'", e);
        }
    }

    /**
     * Makes the stored schedules those of {@code workspace.yaml}: new ones are added, changed ones replaced, removed
     * ones deleted. An unchanged schedule keeps its stored trigger, so its next fire time (and a missed tick) survive.
     */
    public void syncSchedules(List<ScheduleConfig> schedules) {
        try {
            Set<String> wanted = schedules.stream().map(ScheduleConfig::name).collect(Collectors.toSet());
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(SCHEDULES))) {
                if (!wanted.contains(key.getName())) {
                    quartz.deleteJob(key);
                }
            }
            for (ScheduleConfig s : schedules) {
                syncSchedule(s);
            }
            control.define(schedules);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot store the schedules of workspace '" + workspace + "'", e);
        }
    }

    private void syncSchedule(ScheduleConfig s) throws SchedulerException {
        String cron = Crons.toQuartz(s.cron());
        CronScheduleBuilder builder = CronScheduleBuilder.cronSchedule(cron)
            .inTimeZone(TimeZone.getTimeZone(s.timezone()));
        builder = s.misfire() == ScheduleConfig.Misfire.SKIP ? builder.withMisfireHandlingInstructionDoNothing()
            : builder.withMisfireHandlingInstructionFireAndProceed();
        TriggerKey key = TriggerKey.triggerKey(s.name(), SCHEDULES);
        Map<String, String> data = new HashMap<>();
        data.put(ScheduleJob.WORKSPACE, workspace);
        data.put(ScheduleJob.NAME, s.name());
        data.put(ScheduleJob.SELECT, s.select());
        data.put(ScheduleJob.PARTITION, s.partition());
        data.put(ScheduleJob.PRIORITY, Integer.toString(s.priority()));
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).withSchedule(builder).build();
        if (quartz.getTrigger(key) instanceof CronTrigger old && old.getCronExpression().equals(cron)
            && old.getTimeZone().getID().equals(trigger instanceof CronTrigger c ? c.getTimeZone().getID() : "")
            && old.getMisfireInstruction() == trigger.getMisfireInstruction()
            && quartz.getJobDetail(JobKey.jobKey(s.name(), SCHEDULES)).getJobDataMap().equals(dataMap(data))) {
            return;
        }
        // A changed schedule gets a new trigger; an operator's pause of the old one carries over.
        boolean paused = quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED;
        quartz.scheduleJob(JobBuilder.newJob(ScheduleJob.class).withIdentity(s.name(), SCHEDULES)
            .usingJobData(dataMap(data)).build(), Set.of(trigger), true);
        if (paused) {
            quartz.pauseTrigger(key);
        }
    }

    private static org.quartz.JobDataMap dataMap(Map<String, String> data) {
        return new org.quartz.JobDataMap(data);
    }

    private void syncTasks(List<PeriodicTask> tasks) throws SchedulerException {
        Set<String> wanted = tasks.stream().map(PeriodicTask::name).collect(Collectors.toSet());
        for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(TASKS))) {
            if (!wanted.contains(key.getName())) {
                quartz.deleteJob(key);
            }
        }
        for (PeriodicTask t : tasks) {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(t.name(), TASKS)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().repeatForever()
                    .withIntervalInMilliseconds(t.interval().toMillis())
                    .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
            Trigger old = quartz.getTrigger(trigger.getKey());
            if (old instanceof org.quartz.SimpleTrigger st && st.getRepeatInterval() == t.interval().toMillis()) {
                continue;
            }
            quartz.scheduleJob(JobBuilder.newJob(TaskJob.class).withIdentity(t.name(), TASKS).build(),
                Set.of(trigger), true);
        }
    }

    /** The schedules as operators see them: next and last ticks, pause and resume (kept in the job store). */
    public ScheduleControl control() {
        return control;
    }

    /** When the schedule fires next, if it is stored. */
    public Optional<Instant> nextFire(String schedule) {
        try {
            Trigger t = quartz.getTrigger(TriggerKey.triggerKey(schedule, SCHEDULES));
            return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read schedule '" + schedule + "'", e);
        }
    }

    /** Stops firing; ticks already firing finish first. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot stop the scheduler of workspace '" + workspace + "'", e);
        }
    }

    static PartitionChoice partitionChoice(String partition) {
        return partition == null || partition.equals("latest") ? PartitionChoice.latest()
            : new PartitionChoice.Single(partition);
    }
}
