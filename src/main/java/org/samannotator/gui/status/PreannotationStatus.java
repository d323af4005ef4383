package org.samannotator.gui.status;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The status bar's pre-annotation part: a progress bar, the sentence ("Pre-annotating image 3 of 20 ...")
 * and Cancel, shown while a pre-annotation runs. Fixed sizes, so progress updates never re-layout the window.
 */
final class PreannotationStatus extends HBox {
    PreannotationStatus(StatusViewModel status) {
        super(6);
        setId("status-preannotation");
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(110);
        bar.progressProperty().bind(status.preannotationFractionProperty());
        Label text = new Label();
        text.textProperty().bind(status.preannotationProperty());
        text.setPrefWidth(330);
        text.setMinWidth(330);
        text.setMaxWidth(330);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-preannotation");
        cancel.setTooltip(new Tooltip("Stop the pre-annotation (finished images keep their suggestions)"));
        cancel.setFocusTraversable(false);
        cancel.setStyle("-fx-padding: 0 8 0 8;");
        cancel.setOnAction(e -> status.cancelPreannotation());
        getChildren().addAll(bar, text, cancel);
        // Always managed (only hidden): showing it must not change the bar's size, which would re-layout
        // and repaint the whole window on every click while a pre-annotation runs.
        visibleProperty().bind(status.preannotatingProperty());
    }
}
