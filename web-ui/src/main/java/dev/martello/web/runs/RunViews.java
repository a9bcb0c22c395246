package dev.martello.web.runs;

import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.Step;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs' steps and events as JSON objects: an event gets a {@code type}, keys become strings. */
final class RunViews {
    private RunViews() {
    }

    static Map<String, Object> step(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset", s.asset().toString());
        m.put("partition", s.partition());
        m.put("status", s.status().name());
        m.put("attempts", s.attempts());
        m.put("startedAt", s.startedAt());
        m.put("finishedAt", s.finishedAt());
        m.put("failure", s.failure() == null ? null : s.failure().name());
        m.put("message", s.message());
        return m;
    }

    static Map<String, Object> event(RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at());
        switch (e) {
            case RunEvent.RunStarted s -> m.put("type", "RUN_STARTED");
            case RunEvent.RunFinished f -> {
                m.put("type", "RUN_FINISHED");
                m.put("status", f.status().name());
                m.put("message", f.message());
            }
            case RunEvent.StepStarted s -> {
                step(m, "STEP_STARTED", s);
                m.put("attempt", s.attempt());
            }
            case RunEvent.Materialized mat -> {
                step(m, "MATERIALIZED", mat);
                m.put("rows", mat.rowCount());
                m.put("durationMs", mat.durationMs());
                m.put("codeVersion", mat.codeVersion());
                m.put("dataVersion", mat.dataVersion());
            }
            case RunEvent.CheckEvaluated c -> {
                step(m, "CHECK_EVALUATED", c);
                m.put("check", c.checkName());
                m.put("severity", c.severity().name());
                m.put("passed", c.passed());
                m.put("failingRows", c.failingRows());
                m.put("message", c.message());
            }
            case RunEvent.StepFailed f -> {
                step(m, "STEP_FAILED", f);
                m.put("failure", f.failure().name());
                m.put("message", f.message());
            }
            case RunEvent.StepSkipped s -> {
                step(m, "STEP_SKIPPED", s);
                m.put("message", s.cause());
            }
            case RunEvent.Log l -> {
                m.put("type", "LOG");
                m.put("asset", l.asset() == null ? null : l.asset().toString());
                m.put("partition", l.partition());
                m.put("level", l.level().name());
                m.put("message", l.message());
            }
        }
        return m;
    }

    private static void step(Map<String, Object> m, String type, RunEvent.StepEvent e) {
        m.put("type", type);
        m.put("asset", e.asset().toString());
        m.put("partition", e.partition());
    }
}
