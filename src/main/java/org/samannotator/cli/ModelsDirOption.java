package org.samannotator.cli;

import java.nio.file.Path;
import org.samannotator.core.model.ModelDirectory;
import picocli.CommandLine.Option;

/** The {@code --models-dir} option shared by the {@code models} sub-commands. */
final class ModelsDirOption {
    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Models directory (default: -D" + ModelDirectory.PROPERTY + ", $"
                    + ModelDirectory.ENV_VARIABLE + ", the models folder beside the application, ./models).")
    Path modelsDir;

    /** The directory given on the command line, else the application's usual models directory. */
    ModelDirectory resolve() {
        if (modelsDir != null) {
            return new ModelDirectory(modelsDir.toAbsolutePath().normalize(), "--models-dir option");
        }
        return ModelDirectory.locate();
    }
}
