package org.samannotator.core.model;

import java.io.IOException;
import java.util.List;

/**
 * No source could provide a model. The one-line message lists each source that was tried and why it failed;
 * {@link #failures()} (also attached as suppressed exceptions) holds the individual errors, e.g. a
 * {@link ModelVerificationException} for a source that delivered bad bytes.
 */
public final class ModelFetchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<Exception> failures;

    public ModelFetchException(String message, List<Exception> failures) {
        super(message);
        this.failures = List.copyOf(failures);
        failures.forEach(this::addSuppressed);
    }

    /** The failure of each source, in the order the sources were tried. */
    public List<Exception> failures() {
        return failures;
    }
}
