package org.samannotator.gui.status;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar: current activity, candidate info, model state and save state (red when failing). */
public final class StatusBar extends HBox {
    public StatusBar(StatusViewModel status) {
        super(16);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Label activity = new Label();
        activity.setId("status-activity");
        activity.textProperty().bind(status.activityProperty());
        Label candidate = new Label();
        candidate.setId("status-candidate");
        // Never empty: a label switching between empty and non-empty text made JavaFX repaint the whole
        // window on every click and Esc (all nodes, including the canvas), which costs tens of ms.
        candidate.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String text = status.candidateProperty().get();
            return text == null || text.isEmpty() ? "\u00a0" : text;
        }, status.candidateProperty()));
        Label latency = new Label();
        latency.setId("status-latency");
        latency.textProperty().bind(status.decoderProperty());
        Label model = new Label();
        model.textProperty().bind(status.modelProperty());
        model.styleProperty().bind(javafx.beans.binding.Bindings.when(status.modelAvailableProperty())
                .then("").otherwise("-fx-text-fill: #ff6b6b;"));
        Label save = new Label();
        save.setId("status-save");
        save.textProperty().bind(status.saveProperty());
        save.styleProperty().bind(javafx.beans.binding.Bindings.when(status.saveFailedProperty())
                .then("-fx-text-fill: white; -fx-background-color: #c0392b; -fx-padding: 0 6 0 6;").otherwise(""));
        javafx.scene.control.ProgressIndicator busy = new javafx.scene.control.ProgressIndicator();
        busy.setPrefSize(14, 14);
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(status.taskProperty());
        HBox running = new HBox(6, busy, task);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(status.taskProperty().isNotEmpty());
        running.managedProperty().bind(running.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        activity.setMinWidth(120);
        save.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(activity, candidate, running, spacer, new PreannotationStatus(status), latency, model,
                save);
    }
}
