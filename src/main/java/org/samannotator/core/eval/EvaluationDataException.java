package org.samannotator.core.eval;

import java.nio.file.Path;

/** An evaluation dataset file is missing, unreadable or inconsistent; the message names the file and why. */
public final class EvaluationDataException extends RuntimeException {
    private final Path file;

    public EvaluationDataException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public EvaluationDataException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
