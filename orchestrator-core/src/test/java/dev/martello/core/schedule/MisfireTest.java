package dev.martello.core.schedule;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.queue.Probe;
import dev.martello.core.queue.WorkspaceQueue;
import dev.martello.core.runs.Run;
import dev.martello.core.schedule.quartz.QuartzScheduler;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.ScheduleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules in the embedded job store after downtime: the stored trigger's next fire time is moved five hours back,
 * as if the daemon had been down over five hourly ticks; on start the schedule fires once (misfire: once) or not at
 * all (skip), then waits for its next tick.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class MisfireTest {
    @TempDir
    Path dir;

    /** An hourly cron at a minute half an hour away, so no regular tick falls inside the test. */
    static String hourlyFarFromNow() {
        int minute = (Instant.now().atZone(ZoneOffset.UTC).getMinute() + 30) % 60;
        return minute + " * * * *";
    }

    List<Run> afterDowntime(ScheduleConfig.Misfire misfire) throws Exception {
        ScheduleConfig hourly = new ScheduleConfig("hourly", hourlyFarFromNow(), "UTC", "light/a0", null, null,
            misfire);
        Probe probe = new Probe();
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(Probe.workspace(dir, null, RunsConfig.DEFAULTS, Map.of(),
            List.of(hourly), probe.marts(1, 0)), RuntimeSettings.defaults())) {
            try (QuartzScheduler first = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(),
                r -> { }, List.of())) {
                first.syncSchedules(List.of(hourly));
                assertThat(first.nextFire("hourly")).get().satisfies(t -> assertThat(t).isAfter(Instant.now()));
            }
            // The daemon was down: the stored next tick lies five hours back.
            try (Connection c = runtime.store().database().dataSource().getConnection();
                 PreparedStatement st = c.prepareStatement(
                     "update qrtz_triggers set next_fire_time = ? where trigger_name = 'hourly'")) {
                st.setLong(1, Instant.now().minus(Duration.ofHours(5)).toEpochMilli());
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            try (WorkspaceQueue queue = new WorkspaceQueue(runtime).start();
                 QuartzScheduler second = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(),
                     queue::submit, List.of())) {
                second.syncSchedules(List.of(hourly));
                second.start();
                // Quartz handles misfires on start-up: once the next fire time is in the future again, it is done.
                while (!second.nextFire("hourly").orElseThrow().isAfter(Instant.now())) {
                    Thread.sleep(50);
                }
                if (misfire == ScheduleConfig.Misfire.ONCE) {
                    while (runtime.store().runs(10).isEmpty() || !runtime.store().runs(10).getFirst().status()
                        .isTerminal()) {
                        Thread.sleep(50);
                    }
                }
                return runtime.store().runs(10);
            }
        }
    }

    @Test
    void missedTicksCatchUpWithOneRun() throws Exception {
        List<Run> runs = afterDowntime(ScheduleConfig.Misfire.ONCE);
        assertThat(runs).extracting(Run::trigger).containsExactly("schedule:hourly");
        assertThat(runs.getFirst().selection()).isEqualTo("light/a0");
    }

    @Test
    void missedTicksAreSkippedWhenTheScheduleSaysSo() throws Exception {
        assertThat(afterDowntime(ScheduleConfig.Misfire.SKIP)).isEmpty();
    }

    @Test
    void aPeriodicTaskTicksThroughTheJobStore() throws Exception {
        java.util.concurrent.CountDownLatch ticked = new java.util.concurrent.CountDownLatch(2);
        try (WorkspaceRuntime runtime = WorkspaceRuntime.open(Probe.workspace(dir, null, RunsConfig.DEFAULTS, Map.of(),
            List.of(), new Probe().marts(1, 0)), RuntimeSettings.defaults());
             QuartzScheduler scheduler = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(),
                 r -> { }, List.of(PeriodicTask.of("tick", Duration.ofMillis(200), now -> ticked.countDown())))) {
            scheduler.start();
            assertThat(ticked.await(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    @Test
    void unixAndQuartzCronsAreAcceptedAndOthersExplained() {
        assertThat(Crons.toQuartz("0 3 * * *")).isEqualTo("0 0 3 * * ? *");
        assertThat(Crons.toQuartz("0 0 3 * * ?")).isEqualTo("0 0 3 * * ?");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Crons.toQuartz("0 3 * *"))
            .hasMessage("'0 3 * *' has 4 fields; use a Unix cron (5 fields, e.g. \"0 3 * * *\") or a Quartz cron (6"
                + " or 7, seconds first, e.g. \"0 0 3 * * ?\").");
    }
}
