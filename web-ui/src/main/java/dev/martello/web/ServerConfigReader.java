package dev.martello.web;

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
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.martello.web.auth.AuthConfig;
import dev.martello.web.auth.SecretHasher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code server.yaml} strictly, like {@code workspace.yaml}: an unknown field, a wrong type, a secret in clear
 * text or a duplicate name is an error naming the file, the line and the field, with the fix.
 */
public final class ServerConfigReader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();

    public ServerConfig read(Path file) {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ServerConfigException(where + ": no such file. Pass the server configuration with --config FILE"
                + " (see docs/ARCHITECTURE.md, 'Server').", null);
        }
        ServerConfig config;
        try {
            config = YAML.readValue(file.toFile(), ServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            String line = at(where, file, e.getPropertyName() + ":");
            throw error(line, e, "unknown field '" + e.getPropertyName() + "'. Known fields here: "
                + String.join(", ", known) + ".", false);
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum() ? " Allowed: " + java.util.Arrays.stream(
                e.getTargetType().getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")) + "." : "";
            throw error(where, e, "value '" + e.getValue() + "' is not valid." + allowed);
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                throw error(where, e, "required field '" + msg.replaceAll(".*'([^']*)'.*", "$1") + "' is missing.");
            }
            throw error(where, e, "wrong shape: " + msg.lines().findFirst().orElse("") + ".");
        } catch (JacksonException e) {
            throw error(where, e, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        } catch (IOException e) {
            throw new ServerConfigException(where + ": cannot be read: " + e.getMessage(), e);
        }
        if (config == null) {
            return new ServerConfig(null, null, null);
        }
        check(where, file, config);
        return config;
    }

    private static void check(String where, Path file, ServerConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.port() < 0 || config.port() > 65535) {
            problems.add(at(where, file, "port") + ": port " + config.port() + " is out of range; use 1-65535 (0 picks"
                + " a free one).");
        }
        AuthConfig auth = config.auth();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < auth.users().size(); i++) {
            AuthConfig.User u = auth.users().get(i);
            if (!names.add(u.name())) {
                problems.add(at(where, file, u.name()) + ", field 'auth.users[" + i + "].name': user '" + u.name()
                    + "' is declared twice; names must be unique.");
            }
            if (!SecretHasher.isWellFormed(u.passwordHash())) {
                problems.add(at(where, file, "passwordHash") + ", field 'auth.users[" + i + "].passwordHash': not a"
                    + " hash. Store hashes, never passwords: run 'martello hash-secret' and paste its output.");
            }
        }
        for (int i = 0; i < auth.tokens().size(); i++) {
            AuthConfig.Token t = auth.tokens().get(i);
            if (!SecretHasher.isWellFormed(t.secretHash())) {
                problems.add(at(where, file, "secretHash") + ", field 'auth.tokens[" + i + "].secretHash': not a"
                    + " hash. Store hashes, never secrets: run 'martello hash-secret' and paste its output.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ServerConfigException(String.join("\n", problems), null);
        }
    }

    /** The first line mentioning {@code word}, where the record constructor's errors cannot say. */
    private static String at(String where, Path file, String word) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(word)) {
                    return where + " line " + (i + 1);
                }
            }
        } catch (IOException ignored) {
            // the line is a courtesy; the field path still names the place
        }
        return where;
    }

    private static ServerConfigException error(String where, JacksonException e, String what) {
        return error(where, e, what, true);
    }

    private static ServerConfigException error(String where, JacksonException e, String what, boolean withLine) {
        JsonLocation loc = e.getLocation();
        String at = where + (!withLine || loc == null || loc.getLineNr() < 0 ? "" : " line " + loc.getLineNr());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            at += ", field '" + m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") + "'";
        }
        return new ServerConfigException(at + ": " + what, e);
    }
}
