package dev.martello.core.graph;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for keys: the candidate closest to a misspelling, if it is close enough to be a likely typo. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate with the smallest edit distance to {@code wanted}, when that distance is at most a third of
     * the wanted text's length (at least 2). Linear in the number of candidates; only called on errors.
     */
    public static Optional<String> closest(String wanted, Collection<String> candidates) {
        int limit = Math.max(2, wanted.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - wanted.length()) > limit) {
                continue;
            }
            int d = distance(wanted, c, Math.min(limit, bestDistance));
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance, giving up (returning {@code cap + 1}) once it exceeds {@code cap}. */
    static int distance(String a, String b, int cap) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
