package dev.martello.core.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.dsl.AssetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Snowflake's query tag on every statement of a materialization: JSON naming the run and the asset, so an admin finds
 * them with {@code select … from table(information_schema.query_history()) where try_parse_json(query_tag):run_id =
 * '…'}. A tag is a label, not part of the work: a server that refuses it (fakesnow, the test double) is told once in
 * the log and the statements run untagged.
 */
final class QueryTags {
    private static final Logger LOG = LoggerFactory.getLogger(QueryTags.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNSET = "alter session unset query_tag";

    private final AtomicBoolean supported = new AtomicBoolean(true);

    /** The statement that tags the session, the JSON as a Snowflake string literal. */
    static String set(String runId, AssetKey asset) {
        Map<String, String> tag = new LinkedHashMap<>();
        tag.put("app", "martello");
        tag.put("run_id", runId);
        tag.put("asset", asset.toString());
        try {
            String json = JSON.writeValueAsString(tag);
            return "alter session set query_tag = '" + json.replace("\\", "\\\\").replace("'", "''") + "'";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    void tag(Session session, String runId, AssetKey asset) {
        if (!supported.get()) {
            return;
        }
        try {
            session.execute(set(runId, asset));
        } catch (WarehouseException e) {
            if (supported.getAndSet(false)) {
                LOG.warn("The warehouse refused query tags ({}); statements run untagged.", e.warehouseMessage());
            }
        }
    }

    /** The connection goes back to the pool: the next borrower's work is not this run's. */
    void untag(Session session) {
        if (supported.get()) {
            session.quietly(UNSET);
        }
    }
}
