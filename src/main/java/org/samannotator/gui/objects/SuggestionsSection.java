package org.samannotator.gui.objects;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The objects panel's section for the model's suggestions (not objects yet): the list, with Accept (Y),
 * Accept all (Shift+Y) and Reject (X). Selecting a row selects the suggestion on the canvas.
 */
final class SuggestionsSection extends VBox {
    private final ObjectsViewModel vm;
    private final ListView<SuggestionRow> list = new ListView<>();
    private boolean syncing;

    SuggestionsSection(ObjectsViewModel vm) {
        super(4);
        this.vm = vm;
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.size(vm.suggestionRows())
                .asString("Suggestions (%d)"));
        list.setId("suggestions-list");
        list.setItems(vm.suggestionRows());
        list.setPlaceholder(new Label("None. Image > Pre-annotate (Ctrl+G)."));
        list.setPrefHeight(150);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(v -> new SuggestionCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing) {
                vm.selectSuggestion(row == null ? null : row.id());
            }
        });
        vm.selectedSuggestionProperty().addListener((obs, old, id) -> selectRow(id));
        vm.suggestionRows().addListener((javafx.collections.ListChangeListener<SuggestionRow>) c ->
                selectRow(vm.selectedSuggestionProperty().get()));
        Button accept = button("Accept", "Accept the selected suggestion, else the first (Y)", vm::acceptSuggestion);
        accept.setId("accept-suggestion");
        Button acceptAll = button("Accept all", "Accept every suggestion of this image (Shift+Y)",
                vm::acceptAllSuggestions);
        Button reject = button("Reject", "Reject the selected suggestion, else the first (X)", vm::rejectSuggestion);
        for (Button b : new Button[] {accept, acceptAll, reject}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.suggestionRows()));
        }
        getChildren().addAll(title, list, new HBox(6, accept, acceptAll, reject));
    }

    private static Button button(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private void selectRow(Long id) {
        syncing = true;
        try {
            SuggestionRow row = id == null ? null
                    : vm.suggestionRows().stream().filter(r -> r.id() == id).findFirst().orElse(null);
            if (row == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(row);
                list.scrollTo(row);
            }
        } finally {
            syncing = false;
        }
    }

    /** An outline-only swatch (suggestions have no fill on the canvas), "#n source", area and IoU. */
    private static final class SuggestionCell extends ListCell<SuggestionRow> {
        @Override
        protected void updateItem(SuggestionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Rectangle swatch = new Rectangle(10, 10, Color.TRANSPARENT);
            swatch.setStroke(Color.web("#00e5ff"));
            swatch.setStrokeWidth(2);
            Label details = new Label(row.details());
            details.getStyleClass().add("details");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox box = new HBox(6, swatch, new Label(row.label()), spacer, details);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
