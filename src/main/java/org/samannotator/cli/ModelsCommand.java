package org.samannotator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code models}: lists the known SAM models and fetches their ONNX files; without a sub-command prints usage. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List and download the segmentation models (ONNX encoder/decoder pairs).",
        subcommands = {ModelsListCommand.class, ModelsFetchCommand.class})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
