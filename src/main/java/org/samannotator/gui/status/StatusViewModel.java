package org.samannotator.gui.status;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.samannotator.core.annotation.SaveStatus;
import org.samannotator.gui.engine.ModelStatus;

/**
 * Texts of the status bar: the model state, the current activity ("Encoding...", "Ready", errors), the save
 * state (with a failure flag the view shows in red) and the last decoder latency.
 */
public final class StatusViewModel {
    private final StringProperty model = new SimpleStringProperty("Model: loads with the first image");
    private final BooleanProperty modelAvailable = new SimpleBooleanProperty(true);
    private final StringProperty save = new SimpleStringProperty("");
    private final BooleanProperty saveFailed = new SimpleBooleanProperty(false);

    public void modelStatus(ModelStatus status) {
        model.set(status.message());
        modelAvailable.set(status.state() != ModelStatus.State.UNAVAILABLE);
    }

    public void saveStatus(SaveStatus status) {
        save.set(status.message());
        saveFailed.set(status.state() == SaveStatus.State.FAILED);
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

    public BooleanProperty saveFailedProperty() {
        return saveFailed;
    }
}
