package org.samannotator.gui.folder;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The folder panel: name filter, status filter, the images (thumbnail, name, status and object count; cells
 * are virtualised and reused, thumbnails come from a {@link ThumbnailLoader} off the UI thread) and a summary
 * line.
 */
public final class FolderPanel extends VBox {
    /** Height of a row: the thumbnail plus a small margin. */
    static final double ROW_HEIGHT = 54;
    private final ListView<ImageRow> list = new ListView<>();
    private boolean syncing;

    public FolderPanel(FolderViewModel vm, ThumbnailLoader thumbnails) {
        super(4);
        setPadding(new Insets(6));
        Label title = new Label("Images");
        title.getStyleClass().add("panel-title");
        TextField filter = new TextField();
        filter.setId("folder-filter");
        filter.setPromptText("Filter by name");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        ComboBox<StatusFilter> status = new ComboBox<>();
        status.setId("folder-status-filter");
        status.getItems().setAll(StatusFilter.values());
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setFocusTraversable(false);
        list.setId("folder-list");
        list.setItems(vm.visibleRows());
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(v -> new ImageCell(vm, thumbnails));
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
        getChildren().addAll(title, filter, status, list, summary);
    }

    /** Selects the current image's row (keeps the selection while no image is open, e.g. between two). */
    private void sync(FolderViewModel vm, String file) {
        if (syncing || file == null) {
            return;
        }
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
}
