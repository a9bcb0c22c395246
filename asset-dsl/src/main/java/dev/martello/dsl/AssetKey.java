package dev.martello.dsl;

/**
 * The key of an asset, {@code mart/name}; it maps to schema {@code mart} and table {@code name} in the warehouse.
 *
 * <p>{@code AssetKey.parse("Commerce/Orders")} and {@code AssetKey.parse("commerce/orders")} are the same key.
 */
public record AssetKey(String mart, String name) implements NodeKey {

    public AssetKey {
        String raw = mart + "/" + name;
        mart = Identifiers.check(Identifiers.normalise(mart), "mart", raw);
        name = Identifiers.check(Identifiers.normalise(name), "asset name", raw);
    }

    /** Parses {@code mart/name}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static AssetKey parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses {@code mart/name}, or a bare {@code name} inside {@code defaultMart} when one is given
     * (so {@code ref('orders')} inside the commerce mart means {@code commerce/orders}).
     */
    public static AssetKey parse(String text, String defaultMart) {
        String t = Identifiers.normalise(text);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the asset key is blank; write it as 'mart/name'");
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            if (defaultMart == null) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not an asset key: write it as 'mart/name'");
            }
            return new AssetKey(defaultMart, t);
        }
        if (t.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' has more than one '/': an asset key is 'mart/name'");
        }
        return new AssetKey(t.substring(0, slash), t.substring(slash + 1));
    }

    @Override
    public String schema() {
        return mart;
    }

    @Override
    public String table() {
        return name;
    }

    @Override
    public String toString() {
        return mart + "/" + name;
    }
}
