package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelStore;

/** Finds the model a headless command runs on: the given id or the manifest's default, fetched if missing. */
final class InstalledModelResolver {
    private InstalledModelResolver() {
    }

    /**
     * @param modelId a manifest id, or null for the default model
     * @throws IOException when the files are missing and cannot be fetched
     */
    static InstalledModel ensureInstalled(ModelsDirOption directoryOption, String modelId, PrintWriter out)
            throws IOException {
        ModelDirectory directory = directoryOption.resolve();
        ModelManifest manifest = ModelManifest.load(directory.path());
        ModelEntry entry = modelId == null ? manifest.defaultModel() : manifest.require(modelId);
        ModelStore store = new ModelStore(directory.path());
        if (store.installed(entry).isPresent()) {
            return store.installed(entry).get();
        }
        out.println("Fetching model " + entry.id() + " into " + directory.path());
        out.flush();
        TerminalProgress progress = new TerminalProgress(out, System.console() != null);
        try {
            return store.ensureInstalled(entry, progress);
        } finally {
            progress.finish();
        }
    }
}
