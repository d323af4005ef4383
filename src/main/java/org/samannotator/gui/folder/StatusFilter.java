package org.samannotator.gui.folder;

import org.samannotator.core.annotation.ImageStatus;

/** Which images the folder list shows by status. */
public enum StatusFilter {
    ALL("All images", null),
    NOT_STARTED("Not started", ImageStatus.NOT_STARTED),
    IN_PROGRESS("In progress", ImageStatus.IN_PROGRESS),
    DONE("Done", ImageStatus.DONE),
    NOT_DONE("Not done", null);

    private final String displayName;
    private final ImageStatus status;

    StatusFilter(String displayName, ImageStatus status) {
        this.displayName = displayName;
        this.status = status;
    }

    public String displayName() {
        return displayName;
    }

    public boolean accepts(ImageStatus imageStatus) {
        return switch (this) {
            case ALL -> true;
            case NOT_DONE -> imageStatus != ImageStatus.DONE;
            default -> imageStatus == status;
        };
    }

    @Override
    public String toString() {
        return displayName;
    }
}
