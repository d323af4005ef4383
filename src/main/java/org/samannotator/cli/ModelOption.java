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
        return ensureInstalled(out, modelId);
    }

    /** The installed model {@code id} (null: the default model) of the same models directory. */
    InstalledModel ensureInstalled(PrintWriter out, String id) throws IOException {
        ModelDirectory directory = directoryOption.resolve();
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelEntry entry = id == null ? manifest.defaultModel() : manifest.require(id);
        return ModelInstall.ensure(new ModelStore(directory.path()), entry, out, true);
    }

    /** Opens the predictor of the installed model; returns it with the load time in milliseconds. */
    LoadedPredictor loadPredictor(PrintWriter out) throws IOException {
        return loadPredictor(out, modelId);
    }

    /** Opens the predictor of model {@code id} (null: the default model). */
    LoadedPredictor loadPredictor(PrintWriter out, String id) throws IOException {
        InstalledModel model = ensureInstalled(out, id);
        long start = System.nanoTime();
        SamPredictor predictor = SamPredictor.load(model);
        return new LoadedPredictor(predictor, (System.nanoTime() - start) / 1e6);
    }

    record LoadedPredictor(SamPredictor predictor, double loadMillis) {
    }
}
