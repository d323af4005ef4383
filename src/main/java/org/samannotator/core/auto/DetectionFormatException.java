package org.samannotator.core.auto;

import java.io.IOException;
import java.nio.file.Path;

/** A detection input (COCO JSON or YOLO labels) that cannot be used; the message names the file and line. */
public final class DetectionFormatException extends IOException {
    public DetectionFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    }
}
