package org.samannotator.gui.main;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.samannotator.core.annotation.ProjectAutosaver;

/**
 * Saves unsaved changes synchronously before the open project is left (window closed, another folder
 * opened). When that save fails, the action is held back, {@link #failureProperty()} says why, and the
 * user's {@link UnsavedChangesDecision} decides: retry, leave without saving, or stay.
 */
final class LeaveProjectGuard {
    private final Supplier<ProjectAutosaver> autosaver;
    private final StringProperty failure = new SimpleStringProperty();
    private Runnable heldAction;

    /** {@code autosaver} gives the open project's autosaver (null when no folder is open). */
    LeaveProjectGuard(Supplier<ProjectAutosaver> autosaver) {
        this.autosaver = autosaver;
    }

    /**
     * True when there is nothing unsaved or it was saved now; else publishes the failure, keeps
     * {@code leave} for {@link #resolve} and returns false (the caller must not leave).
     */
    boolean savedBeforeLeaving(Runnable leave) {
        ProjectAutosaver saver = autosaver.get();
        if (saver == null || !saver.hasUnsavedChanges()) {
            return true;
        }
        try {
            saver.saveNowOrFail();
            return true;
        } catch (RuntimeException e) {
            heldAction = leave;
            failure.set(null);
            failure.set("Your last changes could not be saved: " + e.getMessage());
            return false;
        }
    }

    /** Applies the user's decision about the held action (nothing when none is held). */
    void resolve(UnsavedChangesDecision decision) {
        Runnable leave = heldAction;
        heldAction = null;
        failure.set(null);
        if (leave == null) {
            return;
        }
        switch (decision) {
            case RETRY -> {
                if (savedBeforeLeaving(leave)) {
                    leave.run();
                }
            }
            case LEAVE_WITHOUT_SAVING -> {
                ProjectAutosaver saver = autosaver.get();
                if (saver != null) {
                    saver.discardUnsavedChanges();
                }
                leave.run();
            }
            case CANCEL -> { }
        }
    }

    /** Non-null while a held action waits for the user's decision: the sentence to show. */
    ReadOnlyStringProperty failureProperty() {
        return failure;
    }
}
