package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code models fetch [ID]}: downloads and verifies a model's files (the default model if no id is given). */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Download a model's encoder and decoder into the models directory, verifying their SHA-256.")
final class ModelsFetchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsFetchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelsDirOption directoryOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "Model id as shown by 'models list' (default: the default model).")
    String modelId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelDirectory directory = directoryOption.resolve();
        try {
            ModelManifest manifest = ModelManifest.load(directory.path());
            ModelEntry entry = modelId == null ? manifest.defaultModel() : manifest.require(modelId);
            ModelStore store = new ModelStore(directory.path());
            Optional<InstalledModel> present = store.installed(entry);
            if (present.isPresent()) {
                out.println("Model " + entry.id() + " is already installed in " + directory.path());
                out.flush();
                return 0;
            }
            InstalledModel installed = ModelInstall.ensure(store, entry, out, true);
            out.println("Installed " + installed.id() + ": " + installed.encoderFile() + ", " + installed.decoderFile());
            out.flush();
            return 0;
        } catch (ModelManifestException | IOException e) {
            LOG.debug("models fetch failed", e); // the stack trace for the log file; the user sees the message
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }
}
