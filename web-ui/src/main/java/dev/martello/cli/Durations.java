package dev.martello.cli;

/** Durations as a terminal shows them: {@code 0.42s}, {@code 12.3s}, {@code 4m05s}. */
final class Durations {
    private Durations() {
    }

    static String format(long millis) {
        if (millis < 0) {
            return "-";
        }
        if (millis < 60_000) {
            return millis < 10_000 ? String.format("%.2fs", millis / 1000.0) : String.format("%.1fs", millis / 1000.0);
        }
        return String.format("%dm%02ds", millis / 60_000, millis % 60_000 / 1000);
    }
}
