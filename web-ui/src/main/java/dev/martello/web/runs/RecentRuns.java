package dev.martello.web.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.web.HostedWorkspace;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs list (newest N, the runs page's and the API's most frequent question) read from the store and serialised
 * at most once per {@value #MAX_AGE_MS} ms per workspace and N, whoever asks: a hundred clients polling cost one
 * query. The age stays below the runs page's reload delay after a run event (700 ms), so the page still sees the run
 * the event was about. Runs may start in another thread or a daemon, so there is no event to invalidate on: age it is.
 */
final class RecentRuns {
    static final long MAX_AGE_MS = 500;

    private record Entry(WorkspaceRuntime runtime, long at, byte[] body) {
    }

    private final ObjectMapper json;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    RecentRuns(ObjectMapper json) {
        this.json = json;
    }

    byte[] newest(HostedWorkspace ws, int limit) {
        String key = ws.name() + "\n" + limit;
        WorkspaceRuntime runtime = ws.runtime();
        Entry e = entries.get(key);
        if (fresh(e, runtime)) {
            return e.body();
        }
        // one reader per key queries; the others wait for its answer rather than all querying at once
        return entries.compute(key, (k, old) -> fresh(old, runtime) ? old
            : new Entry(runtime, System.nanoTime(), serialise(runtime, limit))).body();
    }

    private static boolean fresh(Entry e, WorkspaceRuntime runtime) {
        return e != null && e.runtime() == runtime && System.nanoTime() - e.at() < MAX_AGE_MS * 1_000_000;
    }

    private byte[] serialise(WorkspaceRuntime runtime, int limit) {
        try {
            return json.writeValueAsBytes(runtime.runs(limit));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("runs not serialisable", e);
        }
    }
}
