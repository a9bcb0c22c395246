package dev.martello.dsl;

import java.time.Duration;

/** Prints durations the way people write them: {@code 90m} becomes {@code 1h30m}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) out.append(days).append('d');
        if (hours > 0) out.append(hours).append('h');
        if (minutes > 0) out.append(minutes).append('m');
        if (seconds > 0) out.append(seconds).append('s');
        return out.toString();
    }
}
