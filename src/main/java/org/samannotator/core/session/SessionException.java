package org.samannotator.core.session;

/** A failure of the session's background work, with a sentence for the user (which file, what happened). */
public final class SessionException extends RuntimeException {
    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
