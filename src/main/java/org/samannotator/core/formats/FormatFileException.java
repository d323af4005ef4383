package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of a foreign annotation format that cannot be used. The message names the file, the place in it
 * (a line for YOLO text files, a JSON path for labelme, an element for VOC XML, a pixel for masks) and the
 * problem, so the user can open the file and fix it.
 */
public class FormatFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What the user can do, said after every problem (the reliability corpus asks every message for it). */
    static final String ADVICE = "Fix the file, or export it again from the tool that wrote it; nothing was imported.";

    private final transient Path file;

    /**
     * @param file     the file being read
     * @param location where in the file, e.g. {@code "line 3"} or {@code "shapes[2].points"}; empty for the
     *                 whole file
     * @param problem  what is wrong
     */
    public FormatFileException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public FormatFileException(Path file, String location, String problem, Throwable cause) {
        super(file + (location == null || location.isEmpty() ? "" : ", " + location) + ": " + problem
                + (problem.endsWith(".") ? " " : ". ") + ADVICE, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
