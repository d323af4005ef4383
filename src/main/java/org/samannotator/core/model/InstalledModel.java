package org.samannotator.core.model;

import java.nio.file.Path;

/** A model whose two files are present and verified: what the SAM package loads. */
public record InstalledModel(ModelEntry entry, Path encoderFile, Path decoderFile) {
    public String id() {
        return entry.id();
    }
}
