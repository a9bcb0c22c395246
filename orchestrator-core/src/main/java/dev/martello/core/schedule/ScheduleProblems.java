package dev.martello.core.schedule;

import dev.martello.core.selection.Selections;
import dev.martello.core.workspace.ScheduleConfig;
import dev.martello.core.workspace.Workspace;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every mistake in a workspace's {@code schedules:}, each naming the schedule, the field, the rule and a fix. */
public final class ScheduleProblems {
    private ScheduleProblems() {
    }

    public static List<String> of(Workspace workspace) {
        List<String> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ScheduleConfig s : workspace.config().schedules()) {
            String at = "Schedule '" + s.name() + "' of workspace '" + workspace.name() + "'";
            if (!names.add(s.name())) {
                out.add(at + ": the name is used twice; give each schedule its own name.");
            }
            try {
                Crons.toQuartz(s.cron());
            } catch (IllegalArgumentException e) {
                out.add(at + ", field 'cron': " + e.getMessage());
            }
            try {
                ZoneId.of(s.timezone());
            } catch (DateTimeException e) {
                out.add(at + ", field 'timezone': '" + s.timezone() + "' is not a time zone; use an IANA name such as"
                    + " UTC or Europe/Zurich.");
            }
            try {
                if (Selections.select(workspace.graph(), s.select()).isEmpty()) {
                    out.add(at + ", field 'select': '" + s.select() + "' selects no asset.");
                }
            } catch (IllegalArgumentException e) {
                out.add(at + ", field 'select': " + e.getMessage());
            }
        }
        return out;
    }
}
