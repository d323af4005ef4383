package org.samannotator.gui.bench;

/** The UI benchmark could not run: the toolkit did not start, the model or image failed, or a step timed out. */
public final class UiBenchmarkException extends Exception {
    public UiBenchmarkException(String message) {
        super(message);
    }

    public UiBenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
