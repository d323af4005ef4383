package org.samannotator.gui.engine;

/** State of the SAM model on the worker thread, with a message for the status bar. */
public record ModelStatus(State state, String message) {
    /** Model state. */
    public enum State { LOADING, READY, UNAVAILABLE }
}
