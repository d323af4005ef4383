package org.samannotator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.samannotator.gui.AppLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The top-level command: sub-commands for headless work; without a sub-command it opens the desktop app,
 * on FOLDER when one is given.
 */
@Command(name = "sam-annotator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Image segmentation annotation with Segment Anything models.",
        subcommands = {CommandLine.HelpCommand.class, SegmentCommand.class, ModelsCommand.class,
                EvalCommand.class, BenchCommand.class, BenchUiCommand.class, SelftestCommand.class})
public final class RootCommand implements Callable<Integer> {
    /** Exit code meaning "a window is open: do not call System.exit". */
    public static final int KEEP_RUNNING = -1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "Folder of images to open in the app (optional).")
    Path folder;

    @Override
    public Integer call() {
        if (folder != null && !Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("Not a folder: " + folder.toAbsolutePath());
            return 2;
        }
        AppLauncher.launch(Optional.ofNullable(folder));
        return KEEP_RUNNING;
    }
}
