package org.samannotator.core.session;

/** Where the current image is on its way to accepting prompts. */
public enum ImageState {
    /** No image is open. */
    NONE,
    /** The pixels are being read. */
    LOADING,
    /** The pixels are shown; the embedding is being computed (or read from the cache). */
    ENCODING,
    /** Prompts can be decoded. */
    READY,
    /** The image could not be read or encoded. */
    FAILED,
    /** The image is shown but the model is unavailable (only the brush and eraser work). */
    NO_MODEL
}
