package org.samannotator.core.coco;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A COCO JSON file that cannot be used: not JSON, wrong structure, a missing required field, or
 * inconsistent content (e.g. an annotation pointing at an unknown image). The message names the file and
 * the problem, with the JSON location (e.g. {@code annotations[3].segmentation}) when known.
 */
public class CocoFormatException extends IOException {
    /** What to do, appended to every message. */
    static final String ADVICE = "Fix the file or export it again from the tool that wrote it; nothing was imported.";

    private final transient Path file;
    private final String problem;

    public CocoFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public CocoFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + ". " + ADVICE, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that was being read. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
