package org.samannotator.core.session;

/** What changed in an {@link AnnotationSession}; listeners re-read the session's state for it. */
public enum SessionChange {
    /** Another folder was opened (project, image list, categories). */
    FOLDER,
    /** Another image became current, or its pixels arrived. */
    IMAGE,
    /** The current image's {@link ImageState} changed. */
    IMAGE_STATE,
    /** The current image's candidate or objects changed (the canvas redraws). */
    ANNOTATIONS,
    /** The selected object or the hidden objects changed. */
    SELECTION,
    /** The hover preview mask changed. */
    HOVER,
    /** The session's message for the user changed. */
    MESSAGE,
    /** Something the user must acknowledge happened ({@link SessionStatus#alert()}). */
    ALERT,
    /** The save state changed. */
    SAVE_STATUS,
    /** The model's state changed. */
    MODEL_STATUS,
    /** The undo / redo descriptions changed. */
    HISTORY,
    /** The current category (given to accepted objects) changed. */
    CURRENT_CATEGORY,
    /** A pre-annotation started, progressed or ended ({@link SessionStatus#preannotation()}). */
    PREANNOTATION
}
