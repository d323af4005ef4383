package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model ID} and {@code --models-dir DIR} for commands that run the model: resolves the entry,
 * fetches and verifies it if missing (with progress on the terminal), and opens a predictor.
 */
final class ModelOption {
    @Option(names = "--model", paramLabel = "ID", description = "Model id (see 'models list'; default: the default model).")
    String modelId;

    @Mixin
    ModelsDirOption directoryOption;

    /** The installed model, fetched first if its files are missing; progress goes to {@code out}. */
    InstalledModel ensureInstalled(PrintWriter out) throws IOException {
        ModelDirectory directory = directoryOption.resolve();
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelEntry entry = modelId == null ? manifest.defaultModel() : manifest.require(modelId);
        return ModelInstall.ensure(new ModelStore(directory.path()), entry, out, true);
    }

    /** Opens the predictor of the installed model; returns it with the load time in milliseconds. */
    LoadedPredictor loadPredictor(PrintWriter out) throws IOException {
        InstalledModel model = ensureInstalled(out);
        long start = System.nanoTime();
        SamPredictor predictor = SamPredictor.load(model);
        return new LoadedPredictor(predictor, (System.nanoTime() - start) / 1e6);
    }

    record LoadedPredictor(SamPredictor predictor, double loadMillis) {
    }
}
