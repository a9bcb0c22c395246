package dev.martello.web.assets;

import dev.martello.web.api.ApiException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's filters, all optional and combined with "and": free text over key and description, mart, owner
 * (a substring of a team or e-mail), kind, tag ({@code k} or {@code k=v}) and freshness state.
 */
public record CatalogQuery(String text, String mart, String owner, String kind, String tag, String freshness) {
    private static final Set<String> KINDS = Set.of("table", "view", "incremental", "source");
    private static final Set<String> STATES = Set.of("PASS", "WARN", "FAIL", "UNKNOWN");

    public CatalogQuery {
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "Query parameter 'kind' must be one of table, view,"
                + " incremental, source; not '" + kind + "'.");
        }
        if (freshness != null) {
            freshness = freshness.toUpperCase(Locale.ROOT);
            if (!STATES.contains(freshness)) {
                throw ApiException.badRequest("INVALID_PARAMETER", "Query parameter 'freshness' must be one of PASS,"
                    + " WARN, FAIL, UNKNOWN; not '" + freshness + "'.");
            }
        }
        text = text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    public boolean matches(AssetSummary a) {
        if (text != null && !a.key().toLowerCase(Locale.ROOT).contains(text)
            && !a.description().toLowerCase(Locale.ROOT).contains(text)) {
            return false;
        }
        if (mart != null && !a.mart().equals(mart)) {
            return false;
        }
        if (owner != null && a.owners().stream().noneMatch(o -> o.contains(owner))) {
            return false;
        }
        if (kind != null && !a.kind().equals(kind)) {
            return false;
        }
        if (tag != null && !hasTag(a.tags(), tag)) {
            return false;
        }
        return freshness == null || a.freshness() != null && a.freshness().state().name().equals(freshness);
    }

    private static boolean hasTag(Map<String, String> tags, String tag) {
        int eq = tag.indexOf('=');
        return eq < 0 ? tags.containsKey(tag) : tag.substring(eq + 1).equals(tags.get(tag.substring(0, eq)));
    }
}
