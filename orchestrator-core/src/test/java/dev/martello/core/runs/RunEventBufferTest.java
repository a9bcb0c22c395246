package dev.martello.core.runs;

import dev.martello.core.runs.RunEvent.Log;
import dev.martello.dsl.AssetKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunEventBufferTest {
    static final Instant T0 = Instant.parse("2025-03-01T06:00:00Z");
    static final AssetKey ORDERS = AssetKey.parse("commerce/orders");
    static final Duration NEVER = Duration.ofHours(1);

    final List<List<RunEvent>> batches = new CopyOnWriteArrayList<>();

    @Test
    void writesABatchWhenItIsFull() {
        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(batches::add, 3, NEVER)) {
            buffer.add(log(1));
            buffer.add(log(2));
            assertThat(batches).isEmpty();
            buffer.add(log(3));
            assertThat(batches).containsExactly(List.of(log(1), log(2), log(3)));
        }
    }

    static Stream<RunEvent> endsOfWork() {
        return Stream.of(
            new RunEvent.Materialized("r1", T0, ORDERS, "", 10, 5, "c1", "d1", Map.of()),
            new RunEvent.StepFailed("r1", T0, ORDERS, "", FailureKind.USER_CODE, "boom"),
            new RunEvent.StepSkipped("r1", T0, ORDERS, "", "upstream failed"),
            new RunEvent.RunFinished("r1", T0, RunStatus.SUCCEEDED, ""));
    }

    @ParameterizedTest
    @MethodSource("endsOfWork")
    void writesAtOnceWhenAStepOrTheRunEnds(RunEvent end) {
        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(batches::add, 100, NEVER)) {
            buffer.add(log(1));
            buffer.add(end);
            assertThat(batches).containsExactly(List.of(log(1), end));
        }
    }

    @Test
    void writesWhatIsBufferedEveryMaxDelay() throws InterruptedException {
        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(batches::add, 100, Duration.ofMillis(20))) {
            buffer.add(log(1));
            for (int i = 0; i < 500 && batches.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(batches).containsExactly(List.of(log(1)));
        }
    }

    @Test
    void closingWritesTheRestAndRefusesMore() {
        RunEventBuffer buffer = RunEventBuffer.ofEvents(batches::add, 100, NEVER);
        buffer.add(log(1));
        buffer.close();

        assertThat(batches).containsExactly(List.of(log(1)));
        assertThatThrownBy(() -> buffer.add(log(2)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("the event buffer is closed; " + log(2) + " was not recorded");
    }

    @Test
    void aFailedWriteKeepsTheEventsInOrderForTheNextOne() {
        AtomicBoolean down = new AtomicBoolean(true);
        RunEvent end = new RunEvent.RunFinished("r1", T0, RunStatus.SUCCEEDED, "");
        try (RunEventBuffer buffer = RunEventBuffer.ofEvents(events -> {
            if (down.get()) {
                throw new IllegalStateException("database unavailable");
            }
            batches.add(events);
        }, 100, NEVER)) {
            buffer.add(log(1));
            assertThatThrownBy(() -> buffer.add(end)).hasMessage("database unavailable");
            down.set(false);
            buffer.add(log(2));
            buffer.flush();
        }
        assertThat(batches).containsExactly(List.of(log(1), end, log(2)));
    }

    final List<List<Step>> stepBatches = new CopyOnWriteArrayList<>();

    RunEventBuffer withSteps(int maxEvents) {
        return new RunEventBuffer((events, steps) -> {
            batches.add(events);
            stepBatches.add(steps);
        }, maxEvents, NEVER);
    }

    @Test
    void aStepsRowIsHeldUntilItsEndAndOnlyItsLatestRowIsWrittenWithTheEndingEvent() {
        RunEvent started = new RunEvent.StepStarted("r1", T0, ORDERS, "", 1);
        RunEvent done = new RunEvent.Materialized("r1", T0, ORDERS, "", 10, 5, "c1", "d1", Map.of());
        Step running = step(StepStatus.RUNNING);
        Step succeeded = step(StepStatus.SUCCEEDED);
        try (RunEventBuffer buffer = withSteps(100)) {
            buffer.add(started, running);
            assertThat(batches).isEmpty();
            buffer.add(done, succeeded);
            assertThat(batches).containsExactly(List.of(started, done));
            assertThat(stepBatches).containsExactly(List.of(succeeded));
        }
    }

    @Test
    void stepRowsBufferedAloneAreWrittenByFlush() {
        try (RunEventBuffer buffer = withSteps(100)) {
            buffer.addAll(List.of(), List.of(step(StepStatus.RUNNING)));
            buffer.flush();
        }
        assertThat(batches).containsExactly(List.of());
        assertThat(stepBatches).containsExactly(List.of(step(StepStatus.RUNNING)));
    }

    @Test
    void aFailedWriteKeepsStepRowsButANewerRowOfTheSameStepWins() {
        AtomicBoolean down = new AtomicBoolean(true);
        RunEvent failedEvent = new RunEvent.StepFailed("r1", T0, ORDERS, "", FailureKind.USER_CODE, "boom");
        try (RunEventBuffer buffer = new RunEventBuffer((events, steps) -> {
            if (down.get()) {
                throw new IllegalStateException("database unavailable");
            }
            batches.add(events);
            stepBatches.add(steps);
        }, 100, NEVER)) {
            assertThatThrownBy(() -> buffer.add(failedEvent, step(StepStatus.RUNNING)))
                .hasMessage("database unavailable");
            down.set(false);
            buffer.add(failedEvent, step(StepStatus.FAILED));
        }
        assertThat(batches).containsExactly(List.of(failedEvent, failedEvent));
        assertThat(stepBatches).containsExactly(List.of(step(StepStatus.FAILED)));
    }

    @Test
    void anEventsOnlyBufferRefusesStepRows() {
        RunEventBuffer buffer = RunEventBuffer.ofEvents(batches::add, 100, NEVER);
        assertThatThrownBy(() -> buffer.add(log(1), step(StepStatus.RUNNING)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("events only");
    }

    static Step step(StepStatus status) {
        return new Step("r1", ORDERS, "", status, 1, T0, null, null, "");
    }

    static Log log(int n) {
        return Log.run("r1", T0, Log.Level.INFO, "line " + n);
    }
}
