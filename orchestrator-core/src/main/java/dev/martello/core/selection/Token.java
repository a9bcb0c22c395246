package dev.martello.core.selection;

/** One lexical token of a selection expression, with the 1-based column it starts at. */
record Token(Type type, String text, int column) {

    enum Type {
        /** {@code (} */
        OPEN,
        /** {@code )} */
        CLOSE,
        /** {@code +} with the digits of a depth directly after it, if any: {@code +}, {@code +2}. */
        PLUS,
        /** A key pattern, a prefixed filter or a keyword: a run of anything but blanks, parentheses and {@code +}. */
        WORD,
        END
    }

    boolean isKeyword(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How an error message names this token. */
    String describe() {
        return type == Type.END ? "end of input" : "'" + text + "'";
    }
}
