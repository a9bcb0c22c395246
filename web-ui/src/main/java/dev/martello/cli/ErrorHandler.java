package dev.martello.cli;

import dev.martello.core.selection.SelectionSyntaxException;
import dev.martello.core.workspace.WorkspaceConfigException;
import picocli.CommandLine;

/**
 * Turns expected failures into one clear message and an exit code instead of a stack trace: 1 for a broken
 * workspace, 2 for bad input on the command line (as picocli uses for usage errors).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int INVALID_WORKSPACE = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof WorkspaceConfigException || e instanceof dev.martello.web.ServerConfigException) {
            err.println(e.getMessage());
            return INVALID_WORKSPACE;
        }
        if (e instanceof SelectionSyntaxException || e instanceof IllegalArgumentException) {
            err.println(e.getMessage());
            return USAGE;
        }
        err.println("martello failed in the orchestrator itself (" + e.getClass().getSimpleName() + "): " + e.getMessage());
        e.printStackTrace(err);
        return 3;
    }
}
