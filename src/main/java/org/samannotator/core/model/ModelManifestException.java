package org.samannotator.core.model;

/** A model manifest file is missing, is not valid JSON, or describes a model incompletely; the message names the file. */
public final class ModelManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelManifestException(String message) {
        super(message);
    }

    public ModelManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
