package org.samannotator.core.model;

import java.util.List;
import java.util.Map;

/** Manifest-level rules for derived models (an entry with {@code derivedFrom} and {@code quantization}). */
final class DerivedModels {
    private DerivedModels() {
    }

    /**
     * Every derived model names an existing, downloaded (not itself derived) parent; each part it does not
     * quantize is the parent's very file (same name, size and SHA-256); each part it quantizes has its own file.
     */
    static void checkParents(Map<String, ModelEntry> byId, List<String> sourceNames) {
        for (ModelEntry entry : byId.values()) {
            if (!entry.isDerived()) {
                continue;
            }
            String where = String.join(", ", sourceNames) + ": model '" + entry.id() + "': ";
            ModelEntry parent = byId.get(entry.derivedFrom());
            if (parent == null) {
                throw new ModelManifestException(where + "derivedFrom '" + entry.derivedFrom()
                        + "' is not one of the models (" + String.join(", ", byId.keySet()) + ")");
            }
            if (parent.isDerived()) {
                throw new ModelManifestException(where + "derivedFrom '" + parent.id()
                        + "' is itself derived; name the downloaded model instead");
            }
            checkPart(where, Quantization.ENCODER, entry.encoder(), parent.encoder(), entry.quantization());
            checkPart(where, Quantization.DECODER, entry.decoder(), parent.decoder(), entry.quantization());
        }
    }

    private static void checkPart(String where, String part, ModelFileSpec own, ModelFileSpec parents,
            Quantization quantization) {
        boolean same = own.file().equals(parents.file()) && own.sha256().equalsIgnoreCase(parents.sha256())
                && own.size() == parents.size();
        if (quantization.covers(part) && own.file().equals(parents.file())) {
            throw new ModelManifestException(where + part + " is quantized, so it needs its own file name (not "
                    + parents.file() + ")");
        }
        if (!quantization.covers(part) && !same) {
            throw new ModelManifestException(where + part + " is not quantized, so it must be the parent's file "
                    + parents.file() + " with the same size and sha256");
        }
    }
}
