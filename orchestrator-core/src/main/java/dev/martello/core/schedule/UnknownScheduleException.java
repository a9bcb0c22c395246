package dev.martello.core.schedule;

import java.util.List;

/** A schedule name that the workspace does not declare; the message lists the ones it does. */
public final class UnknownScheduleException extends RuntimeException {
    private final String schedule;

    public UnknownScheduleException(String workspace, String schedule, List<String> known) {
        super("Workspace '" + workspace + "' has no schedule '" + schedule + "'. "
            + (known.isEmpty() ? "It declares none (schedules: in workspace.yaml)."
            : "Its schedules: " + String.join(", ", known) + "."));
        this.schedule = schedule;
    }

    public String schedule() {
        return schedule;
    }
}
