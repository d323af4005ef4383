package org.samannotator.gui.engine;

import java.util.function.Consumer;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;
import org.samannotator.core.sam.SamPredictor;

/**
 * Opens the manifest's default model from the application's models directory, fetching (and verifying) it
 * first when missing; fetch progress is reported as status text ("Downloading model... 40%").
 */
public final class InstalledModelSource implements PredictorSource {
    private final ModelDirectory directory;
    private final Consumer<String> progress;

    public InstalledModelSource(ModelDirectory directory, Consumer<String> progress) {
        this.directory = directory;
        this.progress = progress;
    }

    @Override
    public SamPredictor open() throws Exception {
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelStore store = new ModelStore(directory.path());
        InstalledModel model = store.ensureInstalled(manifest.defaultModel(), (done, total, phase) ->
                progress.accept(total > 0 ? String.format("Model: %s %d%%", phase, 100 * done / total)
                        : "Model: " + phase));
        return SamPredictor.load(model);
    }
}
