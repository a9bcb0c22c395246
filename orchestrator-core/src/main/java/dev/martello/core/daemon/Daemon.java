package dev.martello.core.daemon;

import dev.martello.core.queue.RunQueue;
import dev.martello.core.queue.RunRequest;
import dev.martello.core.queue.UnknownWorkspaceException;
import dev.martello.core.runs.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code martello serve} runs: several workspaces in one process, each with its queue, scheduler and backfills,
 * under one node id. A workspace that fails to load is kept with its errors and the others run; one can be reloaded
 * (stopped gracefully and opened again from its folder) without stopping the others. Runs and schedules live in each
 * workspace's metadata store, so a restart (even after SIGKILL) loses nothing: see {@link HostedWorkspace}.
 *
 * <pre>{@code
 * try (Daemon daemon = Daemon.start(List.of(Path.of("workspaces/demo")), DaemonSettings.defaults())) {
 *     daemon.queue().submit(RunRequest.of("demo", "+core/gmv_daily", PartitionChoice.latest(), "manual"));
 * }
 * }</pre>
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final DaemonSettings settings;
    private final Map<Path, HostedWorkspace> hosted = new LinkedHashMap<>();
    private final Map<Path, WorkspaceLoadException> broken = new LinkedHashMap<>();
    private final RunQueue queue = new Router();

    private Daemon(DaemonSettings settings) {
        this.settings = settings;
    }

    public static Daemon start(List<Path> dirs, DaemonSettings settings) {
        Daemon d = new Daemon(settings);
        dirs.forEach(d::open);
        return d;
    }

    private synchronized void open(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        try {
            hosted.put(key, HostedWorkspace.open(dir, settings.runtime(), settings.tasks()));
            broken.remove(key);
        } catch (WorkspaceLoadException e) {
            broken.put(key, e);
        } catch (RuntimeException e) {
            broken.put(key, new WorkspaceLoadException(dir, e.getMessage(), e));
        }
    }

    /** The workspaces running, in the order given. */
    public synchronized List<HostedWorkspace> workspaces() {
        return List.copyOf(hosted.values());
    }

    public synchronized Optional<HostedWorkspace> workspace(String name) {
        return hosted.values().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** The workspace running from {@code dir} (as given to {@link #start} or {@link #reload}), if it runs. */
    public synchronized Optional<HostedWorkspace> workspace(Path dir) {
        return Optional.ofNullable(hosted.get(dir.toAbsolutePath().normalize()));
    }

    /** Why the workspace in {@code dir} is not running, if it could not be loaded. */
    public synchronized Optional<WorkspaceLoadException> problem(Path dir) {
        return Optional.ofNullable(broken.get(dir.toAbsolutePath().normalize()));
    }

    /** The workspaces that could not be loaded, each with its errors. */
    public synchronized List<WorkspaceLoadException> broken() {
        return List.copyOf(broken.values());
    }

    public RunQueue queue() {
        return queue;
    }

    public String node() {
        return settings.runtime().node();
    }

    /**
     * Reloads the workspace in {@code dir} from its files: its running runs get the grace period, then it is opened
     * again (or reported broken); runs left queued are picked up by the new one.
     */
    public synchronized void reload(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        HostedWorkspace old = hosted.remove(key);
        if (old != null) {
            old.stop(settings.grace());
        }
        open(dir);
        LOG.info("Reloaded workspace {}: {}", dir, broken.containsKey(key) ? "broken" : "running");
    }

    /** Stops every workspace: no new ticks or launches, running runs get the grace period, then are canceled. */
    @Override
    public synchronized void close() {
        List<HostedWorkspace> all = new ArrayList<>(hosted.values());
        hosted.clear();
        // In parallel, so the grace period is spent once, not once per workspace.
        List<Thread> stopping = all.stream().map(h -> Thread.ofPlatform().start(() -> h.stop(settings.grace())))
            .toList();
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends each request to its workspace's queue. */
    private final class Router implements RunQueue {
        @Override
        public Run submit(RunRequest request) {
            return require(request.workspace()).queue().submit(request);
        }

        @Override
        public boolean cancel(String workspace, String runId) {
            return require(workspace).queue().cancel(runId);
        }

        @Override
        public Run retry(String workspace, String runId) {
            return require(workspace).queue().retry(runId);
        }

        private HostedWorkspace require(String name) {
            return workspace(name).orElseThrow(() -> new UnknownWorkspaceException(name,
                workspaces().stream().map(HostedWorkspace::name).toList()));
        }
    }
}
