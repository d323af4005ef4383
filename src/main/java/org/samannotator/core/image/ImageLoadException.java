package org.samannotator.core.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image file could not be loaded. The message always names the file and the {@link Reason}, e.g.
 * {@code "Cannot load image /data/a.jpg: not an image or unsupported format (no reader recognises the content)"}.
 */
public final class ImageLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why loading failed; each has a short human-readable description used in the message. */
    public enum Reason {
        MISSING("file does not exist"),
        NOT_A_FILE("not a regular file"),
        UNREADABLE("file cannot be read"),
        NOT_AN_IMAGE("not an image or unsupported format"),
        CORRUPT("file is truncated or corrupt"),
        TOO_LARGE("image is too large");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final transient Path file;
    private final Reason reason;

    public ImageLoadException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public ImageLoadException(Path file, Reason reason, String detail, Throwable cause) {
        super(message(file, reason, detail), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String message(Path file, Reason reason, String detail) {
        String base = "Cannot load image " + file + ": " + reason.description();
        return detail == null || detail.isBlank() ? base : base + " (" + detail + ")";
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
