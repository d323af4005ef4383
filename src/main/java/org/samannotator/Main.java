package org.samannotator;

import org.samannotator.cli.RootCommand;
import org.samannotator.logging.LoggingStartup;
import picocli.CommandLine;

/**
 * Entry point of the jar and of the packaged launcher. With a sub-command it runs headless; with no
 * arguments (or a folder) it opens the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LoggingStartup.start();
        int exitCode = new CommandLine(new RootCommand()).execute(args);
        if (exitCode != RootCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
