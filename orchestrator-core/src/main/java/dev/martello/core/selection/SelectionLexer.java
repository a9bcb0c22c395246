package dev.martello.core.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Digits right after {@code +} belong to it (a depth), which is unambiguous because
 * keys, marts and filters never start with a digit; everything else between blanks, parentheses and {@code +} is a
 * word, which {@link AtomReader} checks character by character so errors can point inside it.
 */
final class SelectionLexer {
    private SelectionLexer() {
    }

    static List<Token> tokens(String input) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Token.Type.OPEN : Token.Type.CLOSE, String.valueOf(c), start + 1));
                i++;
            } else if (c == '+') {
                i++;
                while (i < n && isDigit(input.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Type.PLUS, input.substring(start, i), start + 1));
            } else {
                while (i < n && !endsWord(input.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Type.WORD, input.substring(start, i), start + 1));
            }
        }
        out.add(new Token(Token.Type.END, "", n + 1));
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '+';
    }
}
