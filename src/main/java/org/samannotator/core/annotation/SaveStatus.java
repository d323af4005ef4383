package org.samannotator.core.annotation;

/** Result of the latest autosave: saved, or failed with a message naming the file and the reason. */
public record SaveStatus(State state, String message) {
    /** Autosave state. */
    public enum State { SAVED, SAVING, FAILED }

    public static SaveStatus saved() {
        return new SaveStatus(State.SAVED, "All changes saved");
    }

    public static SaveStatus saving() {
        return new SaveStatus(State.SAVING, "Saving...");
    }

    public static SaveStatus failed(String message) {
        return new SaveStatus(State.FAILED, message);
    }
}
