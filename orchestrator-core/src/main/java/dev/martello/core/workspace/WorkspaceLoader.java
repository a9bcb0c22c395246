package dev.martello.core.workspace;

import dev.martello.core.graph.GraphLoader;
import dev.martello.core.graph.LoadedGraph;
import dev.martello.dsl.Location;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.Problem;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Loads a workspace folder: reads {@code workspace.yaml}, loads the mart classes it names in a class loader of
 * their own (over the workspace's classpath entries, so a workspace can be reloaded and its marts never clash
 * with another's), then defines and validates the graph. Problems with mart classes join the graph's problems, so
 * {@code validate} reports them all at once.
 */
public final class WorkspaceLoader {
    public static final String FILE_NAME = "workspace.yaml";

    private final WorkspaceConfigReader reader = new WorkspaceConfigReader();

    /** Throws {@link WorkspaceConfigException} when the YAML itself is unusable. */
    public Workspace load(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        WorkspaceConfig config = reader.read(folder.resolve(FILE_NAME));
        List<Problem> problems = new ArrayList<>();
        ClassLoader loader = classLoader(folder, config, problems);
        List<MartDefinition> definitions = definitions(config, loader, problems);
        LoadedGraph defined = GraphLoader.load(definitions);
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(defined.problems());
        return new Workspace(folder, config, new LoadedGraph(defined.graph(), all), loader);
    }

    private static ClassLoader classLoader(Path folder, WorkspaceConfig config, List<Problem> problems) {
        List<URL> urls = new ArrayList<>();
        for (String entry : config.marts().classpath()) {
            Path p = folder.resolve(entry).normalize();
            if (!Files.exists(p)) {
                problems.add(new Problem("mart-classpath", "workspace '" + config.name() + "'", yaml(folder),
                    "Classpath entry '" + entry + "' of workspace '" + config.name() + "' does not exist (" + p + ").",
                    "Build the marts first (mvn -q package -DskipTests), or fix marts.classpath."));
                continue;
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a filesystem path is always a URL: " + p, e);
            }
        }
        ClassLoader parent = WorkspaceLoader.class.getClassLoader();
        return urls.isEmpty() ? parent : new URLClassLoader("workspace-" + config.name(), urls.toArray(URL[]::new), parent);
    }

    private static List<MartDefinition> definitions(WorkspaceConfig config, ClassLoader loader, List<Problem> problems) {
        List<MartDefinition> out = new ArrayList<>();
        if (config.marts().classes().isEmpty()) {
            ServiceLoader.load(MartDefinition.class, loader).forEach(out::add);
            return out;
        }
        for (String name : config.marts().classes()) {
            Location at = new Location(name, FILE_NAME, -1);
            try {
                Class<?> type = Class.forName(name.strip(), true, loader);
                if (!MartDefinition.class.isAssignableFrom(type)) {
                    problems.add(new Problem("mart-class", name, at, "Mart class '" + name + "' does not implement "
                        + MartDefinition.class.getName() + ".", "Implement MartDefinition and return the mart from define()."));
                    continue;
                }
                out.add((MartDefinition) type.getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException e) {
                problems.add(new Problem("mart-class", name, at, "Mart class '" + name + "' named by workspace '"
                    + config.name() + "' is not on its classpath " + config.marts().classpath() + ".",
                    "Build the marts (mvn -q package -DskipTests), or fix the class name or marts.classpath."));
            } catch (NoSuchMethodException e) {
                problems.add(new Problem("mart-class", name, at, "Mart class '" + name + "' has no public no-argument"
                    + " constructor.", "Add one; the workspace instantiates mart classes by name."));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(new Problem("mart-class", name, at, "Mart class '" + name + "' could not be created: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ".",
                    "Fix its constructor or static initialiser."));
            }
        }
        return out;
    }

    private static Location yaml(Path folder) {
        return new Location("", folder.resolve(FILE_NAME).toString(), -1);
    }
}
