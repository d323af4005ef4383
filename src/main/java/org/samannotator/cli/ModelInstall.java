package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelStore;

/** The one way commands obtain a model: the verified installed files, or a fetch with a terminal progress bar. */
final class ModelInstall {
    private ModelInstall() {
    }

    /**
     * @param allowFetch when false, a missing model is an error instead of a download
     * @return the installed model
     */
    static InstalledModel ensure(ModelStore store, ModelEntry entry, PrintWriter out, boolean allowFetch)
            throws IOException {
        Optional<InstalledModel> present = store.installed(entry);
        if (present.isPresent()) {
            return present.get();
        }
        if (!allowFetch) {
            throw new IOException("the model " + entry.id() + " is not installed in " + store.modelsDir()
                    + " (missing or failing its SHA-256 check) and --offline forbids fetching it");
        }
        out.println((entry.isDerived() ? "Computing " + entry.id() + " from " + entry.derivedFrom() : "Fetching "
                + entry.id()) + " into " + store.modelsDir() + " (not installed yet)");
        out.flush();
        TerminalProgress progress = new TerminalProgress(out, System.console() != null);
        try {
            return store.ensureInstalled(entry, progress);
        } finally {
            progress.finish();
        }
    }
}
