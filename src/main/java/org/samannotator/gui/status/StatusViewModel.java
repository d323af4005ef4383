package org.samannotator.gui.status;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.samannotator.core.annotation.SaveStatus;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.ModelStatus;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;

/**
 * Texts of the status bar, from the session: the current activity ("Encoding...", "Ready", errors), the
 * candidate ("Mask 2/3 · IoU 0.91 (Tab)"), the last decoder time, the model state and the save state (with
 * a failure flag the view shows in red).
 */
public final class StatusViewModel {
    private final AnnotationSession session;
    private final StringProperty activity = new SimpleStringProperty("");
    private final StringProperty candidate = new SimpleStringProperty("");
    private final StringProperty decoder = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty(ModelStatus.notLoaded().message());
    private final BooleanProperty modelAvailable = new SimpleBooleanProperty(true);
    private final StringProperty save = new SimpleStringProperty("");
    private final BooleanProperty saveFailed = new SimpleBooleanProperty(false);
    private final StringProperty preannotation = new SimpleStringProperty("");
    private final javafx.beans.property.DoubleProperty preannotationFraction = new javafx.beans.property.SimpleDoubleProperty();
    private final BooleanProperty preannotating = new SimpleBooleanProperty(false);
    private final StringProperty task = new SimpleStringProperty("");

    public StatusViewModel(AnnotationSession session) {
        this.session = session;
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                refresh(change);
            }
        });
    }

    private void refresh(SessionChange change) {
        switch (change) {
            case MESSAGE -> activity.set(session.status().message());
            case ANNOTATIONS, IMAGE, FOLDER -> {
                candidate.set(session.candidate().map(CandidateLabel::describe).orElse(""));
                double millis = session.lastDecodeMillis();
                decoder.set(Double.isNaN(millis) ? "" : String.format("decoder %.0f ms", millis));
            }
            case MODEL_STATUS -> {
                model.set(session.status().model().message());
                modelAvailable.set(session.status().model().state() != ModelStatus.State.UNAVAILABLE);
            }
            case SAVE_STATUS -> {
                SaveStatus status = session.status().save();
                save.set(status.message());
                saveFailed.set(status.state() == SaveStatus.State.FAILED);
            }
            case PREANNOTATION -> session.status().preannotation().ifPresentOrElse(p -> {
                preannotation.set(p.text());
                preannotationFraction.set(p.fraction());
                preannotating.set(true);
            }, () -> preannotating.set(false));
            default -> { }
        }
    }

    /** The running pre-annotation's sentence (kept after it ends; see {@link #preannotatingProperty()}). */
    public StringProperty preannotationProperty() {
        return preannotation;
    }

    public javafx.beans.property.DoubleProperty preannotationFractionProperty() {
        return preannotationFraction;
    }

    /** True while a pre-annotation runs. */
    public BooleanProperty preannotatingProperty() {
        return preannotating;
    }

    public void cancelPreannotation() {
        session.suggestions().cancelPreannotation();
    }

    /** Shows a sentence of the view's own (e.g. the result of an export) in the activity field. */
    public void show(String message) {
        session.status().message(message);
    }

    public StringProperty activityProperty() {
        return activity;
    }

    /** The candidate's description; empty when there is none. */
    public StringProperty candidateProperty() {
        return candidate;
    }

    public StringProperty decoderProperty() {
        return decoder;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public BooleanProperty modelAvailableProperty() {
        return modelAvailable;
    }

    public StringProperty saveProperty() {
        return save;
    }

    /** Long-running work of the window (an export or import) while it runs, with a busy indicator; else empty. */
    public StringProperty taskProperty() {
        return task;
    }

    public BooleanProperty saveFailedProperty() {
        return saveFailed;
    }
}
