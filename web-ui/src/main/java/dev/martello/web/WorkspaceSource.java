package dev.martello.web;

import dev.martello.core.execution.WorkspaceRuntime;
import dev.martello.core.workspace.Workspace;

/**
 * How the server (re)loads one hosted workspace: {@link #load()} reads its definitions, {@link #open} opens its stores.
 * The composition root supplies it; {@code martello dev} reads the folder given on its command line.
 */
public interface WorkspaceSource {
    Workspace load();

    WorkspaceRuntime open(Workspace workspace);
}
