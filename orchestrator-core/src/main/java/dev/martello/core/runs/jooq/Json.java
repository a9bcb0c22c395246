package dev.martello.core.runs.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON columns of the metadata store: partition lists, version maps and event payloads. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() { };

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the metadata store holds invalid JSON: " + json, e);
        }
    }

    static List<String> strings(String json) {
        return MAPPER.convertValue(tree(json), STRINGS);
    }

    static Map<String, String> stringMap(String json) {
        return MAPPER.convertValue(tree(json), STRING_MAP);
    }

    static Map<String, String> stringMap(JsonNode node) {
        return MAPPER.convertValue(node, STRING_MAP);
    }
}
