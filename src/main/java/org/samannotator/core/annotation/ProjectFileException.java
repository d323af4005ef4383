package org.samannotator.core.annotation;

import java.nio.file.Path;

/** A project file could not be read or written; the message names the file and the reason. */
public class ProjectFileException extends RuntimeException {
    private final transient Path file;

    public ProjectFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
