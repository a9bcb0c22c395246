package dev.martello.core.schedule;

import dev.martello.core.execution.RuntimeSettings;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.queue.Probe;
import dev.martello.core.schedule.quartz.QuartzScheduler;
import dev.martello.core.workspace.RunsConfig;
import dev.martello.core.workspace.ScheduleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operators' view of schedules over the embedded job store: next tick, pause and resume, kept across a restart. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
class ScheduleControlTest {
    @TempDir
    Path dir;

    static final ScheduleConfig NIGHTLY = new ScheduleConfig("nightly", "30 2 * * *", "Europe/Zurich", "light/a0",
        null, 5, null);
    static final ScheduleConfig HOURLY = new ScheduleConfig("hourly", "15 * * * *", "UTC", "light/*", null, null, null);

    private WorkspaceRuntime open() {
        return WorkspaceRuntime.open(Probe.workspace(dir, null, RunsConfig.DEFAULTS, Map.of(), List.of(NIGHTLY, HOURLY),
            new Probe().marts(1, 0)), RuntimeSettings.defaults());
    }

    private static QuartzScheduler scheduler(WorkspaceRuntime runtime, List<ScheduleConfig> schedules) {
        QuartzScheduler s = QuartzScheduler.open("probe", runtime.node(), runtime.store().database(), r -> { },
            List.of());
        s.syncSchedules(schedules);
        return s;
    }

    @Test
    void listsSchedulesWithTheirNextTick() {
        try (WorkspaceRuntime runtime = open(); QuartzScheduler s = scheduler(runtime, List.of(NIGHTLY, HOURLY))) {
            List<ScheduleState> all = s.control().schedules();
            assertThat(all).extracting(ScheduleState::name).containsExactly("hourly", "nightly");
            ScheduleState nightly = all.get(1);
            assertThat(nightly.cron()).isEqualTo("30 2 * * *");
            assertThat(nightly.timezone()).isEqualTo("Europe/Zurich");
            assertThat(nightly.selection()).isEqualTo("light/a0");
            assertThat(nightly.partition()).isEqualTo("latest");
            assertThat(nightly.priority()).isEqualTo(5);
            assertThat(nightly.paused()).isFalse();
            assertThat(nightly.nextTick()).isAfter(Instant.now());
            assertThat(nightly.nextTick().atZone(java.time.ZoneId.of("Europe/Zurich")).getHour()).isEqualTo(2);
            assertThat(nightly.lastTick()).isNull();
        }
    }

    @Test
    void aPauseHoldsAcrossARestartAndAChangedCronUntilResumed() {
        try (WorkspaceRuntime runtime = open()) {
            try (QuartzScheduler s = scheduler(runtime, List.of(NIGHTLY, HOURLY))) {
                ScheduleState paused = s.control().pause("nightly");
                assertThat(paused.paused()).isTrue();
                assertThat(paused.nextTick()).isNull();
                assertThat(s.control().schedules().getFirst().paused()).as("hourly").isFalse();
            }
            ScheduleConfig changed = new ScheduleConfig("nightly", "45 3 * * *", "Europe/Zurich", "light/a0", null, 5,
                null);
            try (QuartzScheduler s = scheduler(runtime, List.of(changed, HOURLY))) {
                ScheduleState again = s.control().schedules().get(1);
                assertThat(again.cron()).isEqualTo("45 3 * * *");
                assertThat(again.paused()).isTrue();
                ScheduleState resumed = s.control().resume("nightly");
                assertThat(resumed.paused()).isFalse();
                assertThat(resumed.nextTick()).isAfter(Instant.now());
            }
            try (QuartzScheduler s = scheduler(runtime, List.of(changed, HOURLY))) {
                assertThat(s.control().schedules().get(1).paused()).isFalse();
            }
        }
    }

    @Test
    void anUnknownScheduleIsNamedWithTheKnownOnes() {
        try (WorkspaceRuntime runtime = open(); QuartzScheduler s = scheduler(runtime, List.of(NIGHTLY, HOURLY))) {
            assertThatThrownBy(() -> s.control().pause("nighly"))
                .isInstanceOf(UnknownScheduleException.class)
                .hasMessage("Workspace 'probe' has no schedule 'nighly'. Its schedules: hourly, nightly.");
        }
    }
}
