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

    public static ImageStatus fromFileName(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** NOT_STARTED -> IN_PROGRESS -> DONE -> NOT_STARTED. */
    public ImageStatus next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
