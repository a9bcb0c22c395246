package dev.martello.core.selection;

import dev.martello.core.graph.AssetGraph;
import dev.martello.core.graph.Suggestions;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Mart;
import dev.martello.dsl.Owner;
import dev.martello.dsl.Source;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Evaluates selections against one graph to sets of node ids. Each filter is one scan over the nodes and each
 * traversal one breadth-first walk, so a selection costs its size times the graph's nodes plus edges.
 *
 * <p>{@code BitSet nodes = new Selector(graph).select(SelectionParser.parse("+commerce/orders"));}
 */
public final class Selector {
    private final AssetGraph graph;
    private final String[] keys;

    public Selector(AssetGraph graph) {
        this.graph = graph;
        this.keys = graph.keyTexts(); // built once per graph, not per selection

    }

    /**
     * The ids of the nodes the selection picks; a fresh set the caller may modify.
     *
     * @throws UnknownKeyException when an exact key, mart or owner is not in the graph
     */
    public BitSet select(Selection selection) {
        return switch (selection) {
            case Selection.KeyPattern k -> keys(k);
            case Selection.MartFilter m -> marts(m);
            case Selection.OwnerFilter o -> owners(o);
            case Selection.TagFilter t -> scan(i -> tagged(graph.asset(i), t));
            case Selection.KindFilter k -> scan(i -> isKind(i, k.kind()));
            case Selection.Traversal t -> traverse(t);
            case Selection.Not n -> {
                BitSet out = select(n.of());
                out.flip(0, graph.size());
                yield out;
            }
            case Selection.And a -> {
                BitSet out = select(a.operands().getFirst());
                a.operands().subList(1, a.operands().size()).forEach(o -> out.and(select(o)));
                yield out;
            }
            case Selection.Or o -> {
                BitSet out = new BitSet(graph.size());
                o.operands().forEach(x -> out.or(select(x)));
                yield out;
            }
        };
    }

    private BitSet keys(Selection.KeyPattern k) {
        if (k.isExact()) {
            int node = graph.indexOfText(k.pattern());
            if (node >= 0) {
                BitSet one = new BitSet(graph.size());
                one.set(node);
                return one;
            }
        }
        BitSet out = scan(i -> Glob.matches(k.pattern(), keys[i]));
        if (out.isEmpty() && k.isExact()) {
            throw new UnknownKeyException("No asset or source matches '" + k.pattern() + "'.", k.pattern(),
                suggestKey(k.pattern()));
        }
        return out;
    }

    /**
     * A close spelling, else a key with the same table name ('orders' or 'core/orders' for 'commerce/orders'),
     * an asset unless the wanted text is written like a source.
     */
    private Optional<String> suggestKey(String wanted) {
        Optional<String> close = Suggestions.closest(wanted, List.of(keys));
        if (close.isPresent()) {
            return close;
        }
        String table = wanted.substring(Math.max(wanted.lastIndexOf('/'), wanted.lastIndexOf('.')) + 1);
        boolean wantsSource = wanted.indexOf('.') >= 0 && wanted.indexOf('/') < 0;
        String other = null;
        for (int i = 0; i < keys.length; i++) {
            if (graph.key(i).table().equals(table)) {
                if (graph.isAsset(i) != wantsSource) {
                    return Optional.of(keys[i]);
                }
                other = other == null ? keys[i] : other;
            }
        }
        return Optional.ofNullable(other);
    }

    private BitSet marts(Selection.MartFilter m) {
        if (!Glob.isPattern(m.pattern()) && graph.mart(m.pattern()).isEmpty()) {
            List<String> names = graph.marts().stream().map(Mart::name).toList();
            throw new UnknownKeyException("No mart is named '" + m.pattern() + "'.", m.pattern(),
                Suggestions.closest(m.pattern(), names));
        }
        return scan(i -> Glob.matches(m.pattern(), graph.martOf(i).name()));
    }

    private BitSet owners(Selection.OwnerFilter o) {
        BitSet out = scan(i -> {
            for (Owner owner : ownersOf(i)) {
                if (Glob.matches(o.pattern(), owner.value().toLowerCase(Locale.ROOT))
                    || owner.isTeam() && Glob.matches(o.pattern(), owner.name())) {
                    return true;
                }
            }
            return false;
        });
        if (out.isEmpty() && !Glob.isPattern(o.pattern())) {
            Set<String> known = new LinkedHashSet<>();
            for (int i = 0; i < graph.size(); i++) {
                ownersOf(i).forEach(w -> {
                    known.add(w.value().toLowerCase(Locale.ROOT));
                    known.add(w.name().toLowerCase(Locale.ROOT));
                });
            }
            throw new UnknownKeyException("No asset or source is owned by '" + o.pattern() + "'.", o.pattern(),
                Suggestions.closest(o.pattern(), known));
        }
        return out;
    }

    /** An asset's own owners (already inherited from its mart if it names none); a source's are its mart's. */
    private List<Owner> ownersOf(int node) {
        Asset a = graph.asset(node);
        return a != null ? a.owners() : graph.martOf(node).owners();
    }

    private static boolean tagged(Asset asset, Selection.TagFilter t) {
        if (asset == null) {
            return false;
        }
        if (!Glob.isPattern(t.name())) {
            String value = asset.tags().get(t.name());
            return value != null && (t.value() == null || Glob.matches(t.value(), value));
        }
        for (Map.Entry<String, String> tag : asset.tags().entrySet()) {
            if (Glob.matches(t.name(), tag.getKey())
                && (t.value() == null || Glob.matches(t.value(), tag.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private boolean isKind(int node, Selection.KindFilter.Kind kind) {
        Asset a = graph.asset(node);
        Source s = graph.source(node);
        return switch (kind) {
            case TABLE, VIEW, INCREMENTAL -> a != null && a.materialization().name().equals(kind.name());
            case SOURCE -> s != null;
            case APPLICATION, INTEGRATED, PROJECT -> graph.martOf(node).kind().name().equals(kind.name());
        };
    }

    private BitSet traverse(Selection.Traversal t) {
        BitSet seed = select(t.of());
        // Both directions start from the operand: '+x+' must not add the downstream of x's upstream.
        BitSet out = t.upstream() > 0 ? GraphWalk.reach(graph, seed, t.upstream(), true) : (BitSet) seed.clone();
        if (t.downstream() > 0) {
            out.or(GraphWalk.reach(graph, seed, t.downstream(), false));
        }
        return out;
    }

    private BitSet scan(IntPredicate test) {
        BitSet out = new BitSet(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            if (test.test(i)) {
                out.set(i);
            }
        }
        return out;
    }
}
