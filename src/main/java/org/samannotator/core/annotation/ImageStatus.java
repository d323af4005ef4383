package org.samannotator.core.annotation;

import java.util.Locale;

/** Progress of one image, set by the annotator (objects being added moves NOT_STARTED to IN_PROGRESS). */
public enum ImageStatus {
    NOT_STARTED("not started"), IN_PROGRESS("in progress"), DONE("done");

    private final String displayName;

    ImageStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The name used in project files: "not_started", "in_progress", "done". */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code text}; IllegalArgumentException naming the accepted values otherwise. */
    public static ImageStatus fromFileName(String text) {
        for (ImageStatus status : values()) {
            if (status.fileName().equalsIgnoreCase(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown image status \"" + text + "\" (expected "
                + java.util.Arrays.stream(values()).map(ImageStatus::fileName).collect(java.util.stream.Collectors
                        .joining(", ")) + ")");
    }

    /** NOT_STARTED -> IN_PROGRESS -> DONE -> NOT_STARTED. */
    public ImageStatus next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
