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

    /**
     * Stack of the thread running the commands: ONNX Runtime needs more than the JVM's default 1 MB (with it,
     * {@code segment} died of SIGSEGV, without any message, depending on the length of the command line).
     */
    static final long COMMAND_STACK_BYTES = 16L << 20;

    public static void main(String[] args) throws InterruptedException {
        LoggingStartup.start();
        int[] exitCode = new int[1];
        Thread commands = new Thread(null, () -> exitCode[0] = new CommandLine(new RootCommand()).execute(args),
                "main-commands", COMMAND_STACK_BYTES);
        commands.start();
        commands.join();
        if (exitCode[0] != RootCommand.KEEP_RUNNING) {
            System.exit(exitCode[0]);
        }
    }
}
