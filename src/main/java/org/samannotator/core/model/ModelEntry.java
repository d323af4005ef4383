package org.samannotator.core.model;

import java.util.List;

/** One model of the manifest: a SAM-family encoder/decoder ONNX pair and how to obtain it. */
public record ModelEntry(String id, String displayName, String license, ModelFileSpec encoder,
        ModelFileSpec decoder, EncoderConventions input, List<ModelSource> sources) {
    public ModelEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
