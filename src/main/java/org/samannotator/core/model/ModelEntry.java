package org.samannotator.core.model;

import java.util.List;

/**
 * One model of the manifest: a SAM-family encoder/decoder ONNX pair and how to obtain it.
 *
 * @param derivedFrom for a model computed from another one (e.g. an int8 version), the other model's id;
 *        null for a model that is downloaded from its {@code sources}
 * @param quantization how the parts listed there are derived from the same part of {@code derivedFrom};
 *        the other part must be the parent's file itself. Null exactly when {@code derivedFrom} is null.
 */
public record ModelEntry(String id, String displayName, String license, ModelFileSpec encoder,
        ModelFileSpec decoder, EncoderConventions input, List<ModelSource> sources, String derivedFrom,
        Quantization quantization) {
    public ModelEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A downloaded (not derived) model. */
    public ModelEntry(String id, String displayName, String license, ModelFileSpec encoder, ModelFileSpec decoder,
            EncoderConventions input, List<ModelSource> sources) {
        this(id, displayName, license, encoder, decoder, input, sources, null, null);
    }

    public boolean isDerived() {
        return derivedFrom != null;
    }
}
