package dev.martello.core.runs.jooq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.martello.core.runs.FailureKind;
import dev.martello.core.runs.RunEvent;
import dev.martello.core.runs.RunEvent.CheckEvaluated;
import dev.martello.core.runs.RunEvent.Log;
import dev.martello.core.runs.RunEvent.Materialized;
import dev.martello.core.runs.RunEvent.RunFinished;
import dev.martello.core.runs.RunEvent.RunStarted;
import dev.martello.core.runs.RunEvent.StepFailed;
import dev.martello.core.runs.RunEvent.StepSkipped;
import dev.martello.core.runs.RunEvent.StepStarted;
import dev.martello.core.runs.RunStatus;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Severity;

import java.time.Instant;

/**
 * Maps events to rows of {@code event_log} and back. Run id, time, asset and partition are columns (to query by);
 * the other fields go into a JSON payload whose field names, like the type codes, are a storage format: rename
 * nothing here without a migration.
 */
final class EventCodec {
    /**
     * H2 caps VARCHAR at 1,000,000 characters; an enormous message (a warehouse error quoting a whole statement) must
     * not make the write that records it fail.
     */
    private static final int MAX_TEXT = 100_000;

    record Row(String type, String assetKey, String partitionKey, String payload) {
    }

    private EventCodec() {
    }

    static Row encode(RunEvent event) {
        ObjectNode p = Json.object();
        String type = switch (event) {
            case RunStarted e -> "RUN_STARTED";
            case RunFinished e -> {
                p.put("status", e.status().name()).put("message", clip(e.message()));
                yield "RUN_FINISHED";
            }
            case StepStarted e -> {
                p.put("attempt", e.attempt());
                yield "STEP_STARTED";
            }
            case Materialized e -> {
                p.put("rowCount", e.rowCount()).put("durationMs", e.durationMs())
                    .put("codeVersion", e.codeVersion()).put("dataVersion", e.dataVersion());
                ObjectNode inputs = p.putObject("inputDataVersions");
                e.inputDataVersions().forEach(inputs::put);
                yield "MATERIALIZED";
            }
            case CheckEvaluated e -> {
                p.put("check", e.checkName()).put("severity", e.severity().name()).put("passed", e.passed())
                    .put("failingRows", e.failingRows()).put("message", clip(e.message()));
                yield "CHECK_EVALUATED";
            }
            case StepFailed e -> {
                p.put("failure", e.failure().name()).put("message", clip(e.message()));
                yield "STEP_FAILED";
            }
            case StepSkipped e -> {
                p.put("cause", clip(e.cause()));
                yield "STEP_SKIPPED";
            }
            case Log e -> {
                p.put("level", e.level().name()).put("message", clip(e.message()));
                yield "LOG";
            }
        };
        String asset = switch (event) {
            case RunEvent.StepEvent e -> e.asset().toString();
            case Log e when e.asset() != null -> e.asset().toString();
            default -> null;
        };
        String partition = switch (event) {
            case RunEvent.StepEvent e -> e.partition();
            case Log e when e.asset() != null -> e.partition();
            default -> null;
        };
        return new Row(type, asset, partition, Json.write(p));
    }

    static RunEvent decode(String runId, Instant at, Row row) {
        JsonNode p = Json.tree(row.payload());
        AssetKey asset = row.assetKey() == null ? null : AssetKey.parse(row.assetKey());
        String partition = row.partitionKey() == null ? "" : row.partitionKey();
        return switch (row.type()) {
            case "RUN_STARTED" -> new RunStarted(runId, at);
            case "RUN_FINISHED" -> new RunFinished(runId, at, RunStatus.valueOf(p.path("status").asText()),
                p.path("message").asText());
            case "STEP_STARTED" -> new StepStarted(runId, at, asset, partition, p.path("attempt").asInt());
            case "MATERIALIZED" -> new Materialized(runId, at, asset, partition, p.path("rowCount").asLong(),
                p.path("durationMs").asLong(), p.path("codeVersion").asText(), p.path("dataVersion").asText(),
                Json.stringMap(p.path("inputDataVersions")));
            case "CHECK_EVALUATED" -> new CheckEvaluated(runId, at, asset, partition, p.path("check").asText(),
                Severity.valueOf(p.path("severity").asText()), p.path("passed").asBoolean(),
                p.path("failingRows").asLong(), p.path("message").asText());
            case "STEP_FAILED" -> new StepFailed(runId, at, asset, partition,
                FailureKind.valueOf(p.path("failure").asText()), p.path("message").asText());
            case "STEP_SKIPPED" -> new StepSkipped(runId, at, asset, partition, p.path("cause").asText());
            case "LOG" -> new Log(runId, at, asset, partition, Log.Level.valueOf(p.path("level").asText()),
                p.path("message").asText());
            default -> throw new IllegalStateException(
                "event_log holds an event of unknown type '" + row.type() + "' for run " + runId
                    + "; it was written by a newer Martello");
        };
    }

    static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "… [" + (text.length() - MAX_TEXT)
            + " more characters]";
    }
}
