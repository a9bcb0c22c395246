package dev.martello.cli;

import dev.martello.web.auth.SecretHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code martello hash-secret}: reads a password or token secret (hidden at a terminal, else the first line of
 * standard input) and prints the hash to paste into server.yaml. The secret is never an argument, so it stays out of
 * shell history and process listings.
 */
@Command(name = "hash-secret", mixinStandardHelpOptions = true,
    description = "Hash a password or API token for server.yaml (reads it from the terminal or standard input).")
final class HashSecretCommand implements Callable<Integer> {
    static final int MIN_LENGTH = 8;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] secret = read();
        try {
            if (secret == null || secret.length < MIN_LENGTH) {
                spec.commandLine().getErr().println("A secret needs at least " + MIN_LENGTH + " characters; got "
                    + (secret == null ? 0 : secret.length) + ". Type it again, or pipe it: printf %s \"$SECRET\" |"
                    + " martello hash-secret");
                return ErrorHandler.USAGE;
            }
            spec.commandLine().getOut().println(SecretHasher.hash(secret));
            return 0;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Secret: ");
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
