package org.samannotator.gui.folder;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The folder panel: name filter, the images with status and object count, and a summary line. */
public final class FolderPanel extends VBox {
    private final ListView<ImageRow> list = new ListView<>();
    private boolean syncing;

    public FolderPanel(FolderViewModel vm) {
        super(4);
        setPadding(new Insets(6));
        Label title = new Label("Images");
        title.getStyleClass().add("panel-title");
        TextField filter = new TextField();
        filter.setId("folder-filter");
        filter.setPromptText("Filter by name");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        list.setId("folder-list");
        list.setItems(vm.visibleRows());
        list.setFixedCellSize(24);
        list.setCellFactory(v -> new ImageCell());
        list.setPlaceholder(new Label("No images"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing && row != null) {
                // after the selection event: opening updates the rows, which the list must not see mid-event
                javafx.application.Platform.runLater(() -> vm.open(row.fileName()));
            }
        });
        vm.currentFileProperty().addListener((obs, old, file) -> sync(vm, file));
        vm.visibleRows().addListener((javafx.collections.ListChangeListener<ImageRow>) c ->
                sync(vm, vm.currentFileProperty().get()));
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("details");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, filter, list, summary);
    }

    private void sync(FolderViewModel vm, String file) {
        syncing = true;
        try {
            for (int i = 0; i < vm.visibleRows().size(); i++) {
                if (vm.visibleRows().get(i).fileName().equals(file)) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().select(i);
                        list.scrollTo(Math.max(0, i - 3));
                    }
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    /** Status dot, file name, object count. */
    private static final class ImageCell extends ListCell<ImageRow> {
        @Override
        protected void updateItem(ImageRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label status = new Label(switch (row.status()) {
                case NOT_STARTED -> "\u25cb";
                case IN_PROGRESS -> "\u25d0";
                case DONE -> "\u25cf";
            });
            status.getStyleClass().add("status-" + row.status().fileName().replace('_', '-'));
            status.setMinWidth(14);
            status.setTooltip(new javafx.scene.control.Tooltip(row.status().displayName()));
            Label name = new Label(row.fileName());
            name.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label count = new Label(row.objectCount() == 0 ? "" : String.valueOf(row.objectCount()));
            count.getStyleClass().add("details");
            HBox box = new HBox(6, status, name, spacer, count);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
