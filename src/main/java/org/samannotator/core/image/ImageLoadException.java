package org.samannotator.core.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image file could not be loaded. The message always names the file and the {@link Reason}, e.g.
 * {@code "Cannot load image /data/a.jpg: not an image or unsupported format (no reader recognises the content).
 * Use a JPEG, PNG, BMP, GIF or TIFF file, or convert it to one of these."}: what, which file, what to do.
 */
public final class ImageLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why loading failed; each has a short human-readable description used in the message. */
    public enum Reason {
        MISSING("file does not exist", "Check that it was not moved, renamed or deleted."),
        NOT_A_FILE("not a regular file", "Choose an image file."),
        UNREADABLE("file cannot be read", "Check the file's permissions and that its disk is still attached."),
        NOT_AN_IMAGE("not an image or unsupported format",
                "Use a JPEG, PNG, BMP, GIF or TIFF file, or convert it to one of these."),
        CORRUPT("file is truncated or corrupt", "Copy or export the image again from its source."),
        TOO_LARGE("image is too large", "Reduce its resolution, or start Java with more memory (-Xmx).");

        private final String description;
        private final String advice;

        Reason(String description, String advice) {
            this.description = description;
            this.advice = advice;
        }

        public String description() {
            return description;
        }

        /** What the user can do about it, one sentence. */
        public String advice() {
            return advice;
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
        String described = detail == null || detail.isBlank() ? base : base + " (" + detail + ")";
        return described + ". " + reason.advice();
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
