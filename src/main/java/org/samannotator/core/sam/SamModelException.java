package org.samannotator.core.sam;

/** A model could not be loaded or run: names the file or step and the reason. */
public class SamModelException extends RuntimeException {
    public SamModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public SamModelException(String message) {
        super(message);
    }
}
