package dev.martello.core.selection;

import java.util.Optional;

/**
 * A selection names something exactly (no {@code *}) that the graph does not have: a key, a mart or an owner.
 * A typo must not silently select nothing; a wildcard that matches nothing is an empty selection instead.
 *
 * <p>{@code No asset or source matches 'commerce/order'. Did you mean 'commerce/orders'?}
 */
public final class UnknownKeyException extends IllegalArgumentException {
    private final String name;
    private final String suggestion;

    UnknownKeyException(String problem, String name, Optional<String> suggestion) {
        super(problem + suggestion.map(s -> " Did you mean '" + s + "'?").orElse(""));
        this.name = name;
        this.suggestion = suggestion.orElse(null);
    }

    /** The name as written in the selection. */
    public String name() {
        return name;
    }

    /** The closest existing name, if one is close enough to be a likely typo. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
