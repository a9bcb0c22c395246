package dev.martello.core.backfill;

import dev.martello.core.runs.RunStatus;

import java.util.Map;

/** How far a backfill is: chunks queued out of all, and its runs by status. */
public record BackfillProgress(Backfill backfill, int queuedChunks, Map<RunStatus, Integer> runs) {
    public BackfillProgress {
        runs = Map.copyOf(runs);
    }

    /** Whether every chunk has run to an end (or the backfill was canceled and nothing of it is left running). */
    public boolean isDone() {
        int unfinished = runs.getOrDefault(RunStatus.QUEUED, 0) + runs.getOrDefault(RunStatus.STARTED, 0);
        return unfinished == 0 && backfill.status() != BackfillStatus.LAUNCHING;
    }
}
