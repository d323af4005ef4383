package org.samannotator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: sub-commands for headless work; no sub-command prints usage. */
@Command(name = "sam-annotator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Image segmentation annotation with Segment Anything models.",
        subcommands = {CommandLine.HelpCommand.class, SegmentCommand.class, ModelsCommand.class,
                EvalCommand.class, BenchCommand.class, SelftestCommand.class})
public final class RootCommand implements Callable<Integer> {
    /** Exit code meaning "a window is open: do not call System.exit". */
    public static final int KEEP_RUNNING = -1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
