package org.samannotator.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.samannotator.gui.AppLauncher;
import org.samannotator.gui.LaunchTarget;
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
                EvalCommand.class, EvalAutoCommand.class, AutoCommand.class, BoxesToMasksCommand.class,
                BenchCommand.class, BenchUiCommand.class, SelftestCommand.class, ExportCommand.class,
                ImportCommand.class})
public final class RootCommand implements Callable<Integer> {
    /** Exit code meaning "a window is open: do not call System.exit". */
    public static final int KEEP_RUNNING = -1;
    /** Exit code when the window cannot open (no display, no GTK 3 on Linux); the message says what to install. */
    public static final int NO_DESKTOP = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "Folder of images to open in the app (optional); an image opens its folder on that "
                    + "image, a project file (.sam-annotator/project.samproj) its folder.")
    Path target;

    @Override
    public Integer call() {
        Optional<LaunchTarget> launchTarget;
        try {
            launchTarget = Optional.ofNullable(target).map(LaunchTarget::resolve);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        Optional<String> missing = DesktopEnvironment.problem();
        if (missing.isPresent()) {
            spec.commandLine().getErr().println(missing.get());
            return NO_DESKTOP;
        }
        AppLauncher.launch(launchTarget);
        return KEEP_RUNNING;
    }
}
