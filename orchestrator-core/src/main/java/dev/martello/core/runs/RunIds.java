package dev.martello.core.runs;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Run ids: {@code r}, the creation time in base-36 milliseconds (fixed width, so ids sort by time as plain strings)
 * and eight random base-36 characters. Lowercase letters and digits only, so an id can be appended to a SQL
 * identifier (the name of a table version built aside by that run) without quoting.
 */
public final class RunIds {
    private static final int TIME_WIDTH = 9; // base-36 millis stay 9 characters wide until the year 5188
    private static final int RANDOM_WIDTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next() {
        return next(Instant.now());
    }

    public static String next(Instant createdAt) {
        StringBuilder id = new StringBuilder("r");
        String time = Long.toString(createdAt.toEpochMilli(), 36);
        id.append("0".repeat(Math.max(0, TIME_WIDTH - time.length()))).append(time);
        for (int i = 0; i < RANDOM_WIDTH; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return id.toString();
    }
}
