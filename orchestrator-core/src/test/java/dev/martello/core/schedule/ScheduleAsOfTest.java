package dev.martello.core.schedule;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.planning.PartitionChoice;
import dev.martello.core.planning.PlannedStep;
import dev.martello.core.queue.Probe;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.Run;
import dev.martello.core.schedule.quartz.QuartzScheduler;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.ScheduleConfig;
import dev.martello.dsl.Mart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule's {@code partition: latest} is the latest complete partition as of its tick, not as of when the run is
 * planned or executed: a run queued as of a tick plans that tick's partition, and a catch-up fire after downtime plans
 * the partition of the last tick it missed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ScheduleAsOfTest {
    @TempDir
    Path dir;

    static Mart hourly() {
        return Mart.application("h").owner("team:t")
            .asset("h", a -> a.partitionedHourly("2024-01-01", "UTC").incremental("hour")
                .sql("select cast({{ partition_start }} as timestamp) as hour, 1 as x"))
            .build();
    }

    WorkspaceRuntime open(List<ScheduleConfig> schedules) {
        Probe probe = new Probe();
        Mart[] marts = probe.marts(0, 0);
        return WorkspaceRuntime.open(Probe.workspace(dir, null, RunsConfig.DEFAULTS, Map.of(), schedules,
            marts[3], hourly()), RuntimeSettings.defaults());
    }

    @Test
    void aRunQueuedAsOfATickPlansTheLatestPartitionCompleteAtThatTick() {
        try (WorkspaceRuntime runtime = open(List.of())) {
            WorkspaceQueue queue = new WorkspaceQueue(runtime); // not started: only what is queued matters here
            Run midnight = queue.submit(RunRequest.of("probe", "days/d", PartitionChoice.latest(), "schedule:daily")
                .asOf(Instant.parse("2024-03-05T00:00:00Z")));
            Run lateEvening = queue.submit(RunRequest.of("probe", "days/d", PartitionChoice.latest(), "schedule:daily")
                .asOf(Instant.parse("2024-03-05T23:59:59Z")));
            Run now = queue.submit(RunRequest.of("probe", "days/d", PartitionChoice.latest(), "manual"));

            assertThat(midnight.partitions()).as("yesterday's daily partition").containsExactly("2024-03-04");
            assertThat(lateEvening.partitions()).containsExactly("2024-03-04");
            assertThat(now.partitions()).containsExactly(
                Instant.now().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString());
            queue.close();
        }
    }

    @Test
    void aCatchUpFireAfterDowntimePlansThePartitionOfTheLastMissedTick() throws Exception {
        // A daily tick at half past the hour two hours before now: the last one missed lies 1.5 to 2.5 hours back,
        // so "the latest complete hour" as of that tick is not the one as of now, and the next tick is ~22 hours away.
        ZonedDateTime lastMissed = Instant.now().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(2)
            .withMinute(30);
        ScheduleConfig schedule = new ScheduleConfig("daily", "30 " + lastMissed.getHour() + " * * *", "UTC", "h/h",
            null, null, ScheduleConfig.Misfire.ONCE);
        try (WorkspaceRuntime runtime = open(List.of(schedule))) {
            String expected = partitionAsOf(runtime, lastMissed.toInstant());
            try (QuartzScheduler first = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(),
                r -> { }, List.of())) {
                first.syncSchedules(List.of(schedule));
            }
            // The daemon was down over four ticks: the trigger was created four days ago and its next tick is long past.
            try (Connection c = runtime.store().database().dataSource().getConnection();
                 PreparedStatement st = c.prepareStatement("update qrtz_triggers set next_fire_time = ?,"
                     + " start_time = ? where trigger_name = 'daily'")) {
                st.setLong(1, lastMissed.minusDays(3).toInstant().toEpochMilli());
                st.setLong(2, lastMissed.minusDays(4).toInstant().toEpochMilli());
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            List<RunRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (WorkspaceQueue queue = new WorkspaceQueue(runtime);
                 QuartzScheduler second = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(),
                     r -> {
                         requests.add(r);
                         queue.submit(r);
                     }, List.of())) {
                second.syncSchedules(List.of(schedule));
                second.start();
                while (runtime.store().runs(10).isEmpty()) {
                    Thread.sleep(20);
                }
            }
            assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.asOf()).isEqualTo(lastMissed.toInstant()));
            List<Run> runs = runtime.store().runs(10);
            assertThat(runs).singleElement().satisfies(r -> {
                assertThat(r.trigger()).isEqualTo("schedule:daily");
                assertThat(r.partitions()).containsExactly(expected);
            });
            assertThat(expected).as("the test tells the tick from now")
                .isNotEqualTo(partitionAsOf(runtime, Instant.now()));
        }
    }

    static String partitionAsOf(WorkspaceRuntime runtime, Instant at) {
        return runtime.plan("h/h", PartitionChoice.latest(), at).steps().stream().map(PlannedStep::partitionKey)
            .findFirst().orElseThrow();
    }
}
