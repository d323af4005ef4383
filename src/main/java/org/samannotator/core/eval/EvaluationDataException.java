package org.samannotator.core.eval;

import java.nio.file.Path;

/** An evaluation dataset file is missing, unreadable or inconsistent; the message names the file and why. */
public final class EvaluationDataException extends RuntimeException {
    /** What to do, appended to every message. */
    static final String ADVICE = "Check the dataset layout (DATASET/images/NAME.jpg with DATASET/masks/NAME.png,"
            + " see BENCHMARKS.md) and the --dataset path.";

    private final Path file;

    public EvaluationDataException(Path file, String reason) {
        super(file + ": " + reason + ". " + ADVICE);
        this.file = file;
    }

    public EvaluationDataException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason + ". " + ADVICE, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
