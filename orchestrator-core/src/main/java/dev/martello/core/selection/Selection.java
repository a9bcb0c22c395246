package dev.martello.core.selection;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A parsed selection expression, the same in the CLI, the API and the UI. Immutable; {@link #toString()} prints the
 * canonical form, which {@link SelectionParser#parse(String)} reads back to an equal selection.
 *
 * <p>{@code SelectionParser.parse("+Commerce/Orders AND NOT tag:pii")} is an {@link And} of a {@link Traversal} and a
 * {@link Not}, printed as {@code +commerce/orders and not tag:pii}; {@link Selector} evaluates it.
 */
public sealed interface Selection {

    /** Keys of assets ({@code mart/name}) and sources ({@code schema.table}); {@code *} matches any run of text. */
    record KeyPattern(String pattern) implements Selection {
        public KeyPattern {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }

        /** True when the pattern names one key, which must then exist. */
        public boolean isExact() {
            return pattern.indexOf('*') < 0;
        }

        @Override
        public String toString() {
            return pattern;
        }
    }

    /** Nodes declared in a mart whose name matches; sources count as part of the mart that declares them. */
    record MartFilter(String pattern) implements Selection {
        public MartFilter {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "mart:" + pattern;
        }
    }

    /** Nodes with an owner whose value ({@code team:x}, an e-mail) or team name ({@code x}) matches. */
    record OwnerFilter(String pattern) implements Selection {
        public OwnerFilter {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "owner:" + pattern;
        }
    }

    /** Assets with tag {@code name}, and with that tag's value matching {@code value} unless it is null. */
    record TagFilter(String name, String value) implements Selection {
        @Override
        public String toString() {
            return "tag:" + name + (value == null ? "" : "=" + value);
        }
    }

    /** Nodes of one kind: a materialization, a source, or an asset or source of a mart kind. */
    record KindFilter(Kind kind) implements Selection {
        /** Every value {@code kind:} accepts; the label is what the user writes. */
        public enum Kind {
            TABLE, VIEW, INCREMENTAL, SOURCE, APPLICATION, INTEGRATED, PROJECT;

            public String label() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public String toString() {
            return "kind:" + kind.label();
        }
    }

    /**
     * The operand plus its upstream ({@code +x}) and downstream ({@code x+}) nodes, up to a number of levels;
     * {@code +x+} is one traversal, not the downstream of the upstream (which would pull in siblings).
     *
     * @param upstream levels of upstream to add: {@link #NONE}, a depth, or {@link #ALL}
     * @param downstream levels of downstream to add, likewise
     */
    record Traversal(Selection of, int upstream, int downstream) implements Selection {
        public static final int NONE = 0;
        public static final int ALL = Integer.MAX_VALUE;

        public Traversal {
            if (upstream < 0 || downstream < 0 || upstream == NONE && downstream == NONE) {
                throw new IllegalArgumentException("a traversal needs a positive upstream or downstream depth, got "
                    + upstream + " and " + downstream);
            }
        }

        @Override
        public String toString() {
            String operand = of instanceof Traversal || of instanceof Not || of instanceof And || of instanceof Or
                ? "(" + of + ")" : of.toString();
            return plus(upstream) + operand + plus(downstream);
        }

        private static String plus(int depth) {
            return depth == NONE ? "" : depth == ALL ? "+" : "+" + depth;
        }
    }

    /** Every node the operand does not select. */
    record Not(Selection of) implements Selection {
        @Override
        public String toString() {
            return "not " + (of instanceof And || of instanceof Or ? "(" + of + ")" : of.toString());
        }
    }

    /** Nodes every operand selects. */
    record And(List<Selection> operands) implements Selection {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("'and' needs at least two operands, got " + operands.size());
            }
        }

        @Override
        public String toString() {
            return operands.stream().map(o -> o instanceof Or || o instanceof And ? "(" + o + ")" : o.toString())
                .collect(Collectors.joining(" and "));
        }
    }

    /** Nodes any operand selects. */
    record Or(List<Selection> operands) implements Selection {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("'or' needs at least two operands, got " + operands.size());
            }
        }

        @Override
        public String toString() {
            return operands.stream().map(o -> o instanceof Or ? "(" + o + ")" : o.toString())
                .collect(Collectors.joining(" or "));
        }
    }
}
