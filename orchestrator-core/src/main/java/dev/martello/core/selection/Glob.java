package dev.martello.core.selection;

/** {@code *} wildcards, matching the whole text; no other character is special, so keys need no escaping. */
final class Glob {
    private Glob() {
    }

    static boolean isPattern(String text) {
        return text.indexOf('*') >= 0;
    }

    /**
     * Greedy matching that backtracks only to the last {@code *}: at most pattern × text steps, and linear in
     * practice, without the cost of compiling a regex per node or the escaping of '.' it would need.
     */
    static boolean matches(String pattern, String text) {
        if (!isPattern(pattern)) {
            return pattern.equals(text);
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
