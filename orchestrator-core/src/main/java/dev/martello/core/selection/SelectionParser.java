package dev.martello.core.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses selection expressions by recursive descent; the grammar is small enough that a parser library would cost
 * more than it saves. Keywords and prefixes are case-insensitive; {@code not} binds tighter than {@code and}, which
 * binds tighter than {@code or}.
 *
 * <pre>
 * selection := or END
 * or        := and ('or' and)*
 * and       := not ('and' not)*
 * not       := 'not' not | traversal
 * traversal := ['+' depth?] primary ['+' depth?]      -- no blank between '+' and its depth
 * primary   := '(' or ')' | atom
 * atom      := key-pattern | 'mart:' name | 'owner:' owner | 'tag:' name ['=' value] | 'kind:' kind
 * </pre>
 *
 * <p>{@code SelectionParser.parse("+2(mart:core and tag:tier=1) or owner:commerce-data")}
 */
public final class SelectionParser {
    private static final String OPERAND = "a key, mart:, owner:, tag:, kind: or '('";
    private static final String OPERAND_OR_NOT = "a key, mart:, owner:, tag:, kind:, 'not' or '('";
    // Nine digits always fit an int; a deeper walk than that is "every level", which a bare '+' already says.
    private static final int MAX_DEPTH_DIGITS = 9;
    // Bounds the recursion, so a hostile expression through the API is a syntax error, not a StackOverflowError.
    private static final int MAX_NESTING = 100;

    private final String input;
    private final List<Token> tokens;
    private final AtomReader atoms;
    private int position;
    private int nesting;

    private SelectionParser(String input) {
        this.input = input;
        this.tokens = SelectionLexer.tokens(input);
        this.atoms = new AtomReader(input);
    }

    /** Parses an expression, or throws {@link SelectionSyntaxException} pointing at the offending column. */
    public static Selection parse(String expression) {
        if (expression == null) {
            expression = "";
        }
        SelectionParser parser = new SelectionParser(expression);
        if (parser.peek().type() == Token.Type.END) {
            throw new SelectionSyntaxException(expression, 1,
                "the selection is empty; expected " + OPERAND_OR_NOT + ".");
        }
        Selection selection = parser.or();
        Token rest = parser.peek();
        if (rest.type() == Token.Type.CLOSE) {
            throw parser.error(rest, "found ')' with no matching '('.");
        }
        if (rest.type() != Token.Type.END) {
            throw parser.error(rest, "expected 'and', 'or' or end of input" + parser.after() + ", found "
                + rest.describe() + ".");
        }
        return selection;
    }

    // Operands that are themselves a parenthesised 'or' (or 'and') are spliced in: a or (b or c) is the same
    // selection as a or b or c, and should compare and print the same.
    private Selection or() {
        List<Selection> operands = new ArrayList<>();
        do {
            Selection operand = and();
            if (operand instanceof Selection.Or nested) {
                operands.addAll(nested.operands());
            } else {
                operands.add(operand);
            }
        } while (accept("or"));
        return operands.size() == 1 ? operands.getFirst() : new Selection.Or(operands);
    }

    private Selection and() {
        List<Selection> operands = new ArrayList<>();
        do {
            Selection operand = not();
            if (operand instanceof Selection.And nested) {
                operands.addAll(nested.operands());
            } else {
                operands.add(operand);
            }
        } while (accept("and"));
        return operands.size() == 1 ? operands.getFirst() : new Selection.And(operands);
    }

    private boolean accept(String keyword) {
        if (peek().isKeyword(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private Selection not() {
        if (peek().isKeyword("not")) {
            enter(peek());
            position++;
            Selection.Not not = new Selection.Not(not());
            nesting--;
            return not;
        }
        return traversal();
    }

    private Selection traversal() {
        int upstream = Selection.Traversal.NONE;
        if (peek().type() == Token.Type.PLUS) {
            upstream = depth(tokens.get(position++));
        }
        Selection operand = primary(upstream == Selection.Traversal.NONE ? OPERAND_OR_NOT : OPERAND);
        int downstream = Selection.Traversal.NONE;
        if (peek().type() == Token.Type.PLUS) {
            downstream = depth(tokens.get(position++));
        }
        return upstream == Selection.Traversal.NONE && downstream == Selection.Traversal.NONE
            ? operand : new Selection.Traversal(operand, upstream, downstream);
    }

    private Selection primary(String expected) {
        Token t = peek();
        if (t.type() == Token.Type.OPEN) {
            enter(tokens.get(position++));
            Selection inner = or();
            nesting--;
            Token close = peek();
            if (close.type() != Token.Type.CLOSE) {
                throw error(close, "expected ')' to close the '(' at column " + t.column() + ", found "
                    + close.describe() + ".");
            }
            position++;
            return inner;
        }
        if (t.type() != Token.Type.WORD || t.isKeyword("and") || t.isKeyword("or") || t.isKeyword("not")) {
            throw error(t, "expected " + expected + after() + ", found " + t.describe() + ".");
        }
        position++;
        return atoms.read(t);
    }

    private int depth(Token plus) {
        String digits = plus.text().substring(1);
        if (digits.isEmpty()) {
            return Selection.Traversal.ALL;
        }
        if (digits.length() > MAX_DEPTH_DIGITS) {
            throw new SelectionSyntaxException(input, plus.column() + 1, "depth '" + digits + "' is too large; write"
                + " a bare '+' to follow every level.");
        }
        int depth = Integer.parseInt(digits);
        if (depth == 0) {
            throw new SelectionSyntaxException(input, plus.column() + 1, "depth must be at least 1, found '" + digits
                + "'; leave the '+' out to select no neighbours.");
        }
        return depth;
    }

    private void enter(Token at) {
        if (++nesting > MAX_NESTING) {
            throw error(at, "the selection nests 'not' and parentheses more than " + MAX_NESTING + " levels deep.");
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    /** " after 'x'" naming the previous token, which is what the user just typed before the error. */
    private String after() {
        return position == 0 ? "" : " after '" + tokens.get(position - 1).text() + "'";
    }

    private SelectionSyntaxException error(Token at, String problem) {
        return new SelectionSyntaxException(input, at.column(), problem);
    }
}
