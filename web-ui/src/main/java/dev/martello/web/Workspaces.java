package dev.martello.web;

import dev.martello.core.graph.Suggestions;
import dev.martello.web.api.ApiException;
import io.javalin.http.Context;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The workspaces a server hosts, by name; an unknown name is a 404 that lists the known ones. */
public final class Workspaces {
    private final Map<String, HostedWorkspace> byName = new LinkedHashMap<>();

    public Workspaces(List<HostedWorkspace> workspaces) {
        for (HostedWorkspace w : workspaces) {
            if (byName.putIfAbsent(w.name(), w) != null) {
                throw new IllegalArgumentException("Two hosted workspaces are named '" + w.name() + "'; names must be"
                    + " unique (the 'name' in workspace.yaml).");
            }
        }
    }

    public Collection<HostedWorkspace> all() {
        return byName.values();
    }

    /** The workspace named by the {@code ws} path parameter. */
    public HostedWorkspace of(Context ctx) {
        String name = ctx.pathParam("ws");
        HostedWorkspace w = byName.get(name);
        if (w == null) {
            String hint = Suggestions.closest(name, List.copyOf(byName.keySet())).map(s -> " Did you mean '" + s
                + "'?").orElse("");
            throw new ApiException(404, "WORKSPACE_NOT_FOUND", "No workspace '" + name + "' is hosted here." + hint
                + " Hosted: " + String.join(", ", byName.keySet()) + ".", Map.of("workspace", name));
        }
        return w;
    }
}
