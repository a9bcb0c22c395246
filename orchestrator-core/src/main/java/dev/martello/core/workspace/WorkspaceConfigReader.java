package dev.martello.core.workspace;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.martello.core.graph.Suggestions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads {@code workspace.yaml} strictly: unknown fields, wrong types and bad values name the line and the field. */
public final class WorkspaceConfigReader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();

    public WorkspaceConfig read(Path file) {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceConfigException(where + ": no such file. A workspace is a folder with a workspace.yaml;"
                + " pass it with --workspace DIR (e.g. --workspace workspaces/demo).", null);
        }
        try {
            WorkspaceConfig config = YAML.readValue(file.toFile(), WorkspaceConfig.class);
            if (config == null) {
                throw new WorkspaceConfigException(where + ": the file is empty; it needs at least 'name' and"
                    + " 'marts'.", null);
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            String hint = Suggestions.closest(e.getPropertyName(), known).map(s -> "Did you mean '" + s + "'? ")
                .orElse("");
            throw error(where, e, "unknown field '" + e.getPropertyName() + "'. " + hint + "Known fields here: "
                + String.join(", ", known) + ".", lineOfKey(file, e.getPropertyName()));
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum()
                ? " Allowed: " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "."
                : " Expected " + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + ".";
            throw error(where, e, "value '" + e.getValue() + "' is not valid." + allowed);
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                String field = msg.replaceAll(".*'([^']*)'.*", "$1");
                throw error(where, e, "required field '" + field + "' is missing.");
            }
            throw error(where, e, "wrong shape: expected "
                + (e.getTargetType() == null ? "another type" : describe(e.getTargetType())) + ".");
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // A record's constructor refused a value (e.g. a malformed duration); its message names field and fix.
            throw error(where, e, e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage() + ".");
        } catch (JacksonException e) {
            throw error(where, e, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        } catch (IOException e) {
            throw new WorkspaceConfigException(where + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ')";
        }
        if (type.isRecord()) {
            return "a mapping of fields";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static WorkspaceConfigException error(String where, JacksonException e, String what) {
        JsonLocation loc = e.getLocation();
        return error(where, e, what, loc == null ? -1 : loc.getLineNr());
    }

    /**
     * Records are built through their constructor, so Jackson buffers their fields and reports unknown ones at the
     * end of the mapping; the key's own line is what a reader needs, so look it up in the text.
     */
    private static int lineOfKey(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*(- )?" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static WorkspaceConfigException error(String where, JacksonException e, String what, int lineNr) {
        String at = where + (lineNr < 0 ? "" : " line " + lineNr);
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            at += ", field '" + m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") + "'";
        }
        return new WorkspaceConfigException(at + ": " + what, e);
    }
}
