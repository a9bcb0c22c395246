package dev.martello.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code martello} command: validate, list and show the lineage of a workspace's marts. */
@Command(name = "martello", mixinStandardHelpOptions = true, version = "martello 0.1.0",
    description = "Asset orchestrator for the JVM: marts as software-defined assets, materialized idempotently.",
    subcommands = {ValidateCommand.class, ListCommand.class, LineageCommand.class, MaterializeCommand.class,
        StatusCommand.class, RunsCommand.class, RunCommand.class, SeedCommand.class, WhyCommand.class,
        FreshnessCommand.class, ServeCommand.class, BackfillCommand.class, RetryCommand.class, DevCommand.class,
        HashSecretCommand.class, CommandLine.HelpCommand.class})
public final class Martello implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and flushes its writers: picocli's auto-flush only fires on println, not on print. */
    static int run(String... args) {
        CommandLine cmd = commandLine();
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return code;
    }

    /** The configured command line, for tests to run with their own writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Martello())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(new ErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
