package dev.martello.core.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A pool in {@code workspace.yaml}: at most {@code limit} runs touching its assets are started at once. Assets join a
 * pool by mart name or by tag ({@code tag} or {@code tag=value}).
 *
 * <pre>{@code
 * pools:
 *   heavy: { limit: 1, marts: [core], tags: [heavy] }
 * }</pre>
 */
public record PoolConfig(@JsonProperty(required = true) int limit, List<String> marts, List<String> tags) {
    public PoolConfig {
        if (limit < 1) {
            throw new IllegalArgumentException("a pool's limit must be at least 1, not " + limit);
        }
        marts = marts == null ? List.of() : List.copyOf(marts);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
