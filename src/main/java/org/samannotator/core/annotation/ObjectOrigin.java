package org.samannotator.core.annotation;

import java.util.Locale;

/**
 * Where an accepted object came from, the SA-1B data engine's measure of what each stage buys: drawn by the
 * annotator (stage 1), a model suggestion accepted as it was (stage 2), or a suggestion the annotator changed
 * (re-prompted or painted) before or after accepting it.
 */
public enum ObjectOrigin {
    MANUAL, SUGGESTED, SUGGESTED_THEN_EDITED;

    /** The name in project files and exports: "manual", "suggested", "suggested_then_edited". */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #fileName()}; throws IllegalArgumentException naming the accepted values otherwise. */
    public static ObjectOrigin fromFileName(String text) {
        for (ObjectOrigin origin : values()) {
            if (origin.fileName().equals(text)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("origin must be manual, suggested or suggested_then_edited, not \"" + text + "\"");
    }

    /** The origin after the annotator changed the mask: a suggestion becomes suggested-then-edited. */
    public ObjectOrigin afterEdit() {
        return this == MANUAL ? MANUAL : SUGGESTED_THEN_EDITED;
    }
}
