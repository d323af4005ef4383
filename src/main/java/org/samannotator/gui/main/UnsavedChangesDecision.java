package org.samannotator.gui.main;

/** What the user chose after the last changes could not be saved (see {@link MainViewModel#saveFailureProperty()}). */
public enum UnsavedChangesDecision {
    /** Try to save again; on success continue closing or opening the other folder. */
    RETRY,
    /** Continue without the unsaved changes (they stay lost on disk). */
    LEAVE_WITHOUT_SAVING,
    /** Stay in the current folder with the changes in memory. */
    CANCEL
}
