package org.samannotator.core.session;

/** State of the segmentation model, with a sentence for the status bar. */
public record ModelStatus(State state, String message) {
    /** Model state. */
    public enum State { NOT_LOADED, LOADING, READY, UNAVAILABLE }

    public static ModelStatus notLoaded() {
        return new ModelStatus(State.NOT_LOADED, "Model: loads with the first image");
    }
}
