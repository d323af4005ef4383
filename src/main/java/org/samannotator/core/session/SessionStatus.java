package org.samannotator.core.session;

import org.samannotator.core.annotation.SaveStatus;

/**
 * What the status bar shows of a session: the latest message for the user ("Encoding...", "Ready", errors),
 * the save state and the model state. Session thread only.
 */
public final class SessionStatus {
    private final SessionEvents events;
    private String message = "";
    private String alert = "";
    private SaveStatus save = SaveStatus.saved();
    private ModelStatus model = ModelStatus.notLoaded();
    private java.util.Optional<PreannotationProgress> preannotation = java.util.Optional.empty();

    SessionStatus(SessionEvents events) {
        this.events = events;
    }

    public String message() {
        return message;
    }

    public SaveStatus save() {
        return save;
    }

    public ModelStatus model() {
        return model;
    }

    /** Shows {@code text} to the user (also used by views for their own messages). */
    public void message(String text) {
        message = text == null ? "" : text;
        events.fire(SessionChange.MESSAGE);
    }

    /** The latest message the user must acknowledge (a damaged entry of the project file); "" when none. */
    public String alert() {
        return alert;
    }

    void alert(String text) {
        alert = text == null ? "" : text;
        events.fire(SessionChange.ALERT);
    }

    /** The running pre-annotation's progress; empty when none runs. */
    public java.util.Optional<PreannotationProgress> preannotation() {
        return preannotation;
    }

    void preannotation(PreannotationProgress progress) {
        preannotation = java.util.Optional.ofNullable(progress);
        events.fire(SessionChange.PREANNOTATION);
    }

    void save(SaveStatus status) {
        save = status;
        events.fire(SessionChange.SAVE_STATUS);
    }

    void model(ModelStatus status) {
        model = status;
        events.fire(SessionChange.MODEL_STATUS);
    }
}
