package org.samannotator.gui.objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.samannotator.core.annotation.Category;

/** The objects panel: the current image's objects with colour, category, area and a visibility toggle. */
public final class ObjectsPanel extends VBox {
    private final ObjectsViewModel vm;
    private final ListView<ObjectRow> list = new ListView<>();
    private boolean syncing;

    public ObjectsPanel(ObjectsViewModel vm) {
        super(4);
        this.vm = vm;
        setPadding(new Insets(6));
        Label title = new Label("Objects");
        title.getStyleClass().add("panel-title");
        list.setId("objects-list");
        list.setItems(vm.rows());
        list.setPlaceholder(new Label("No objects yet.\nClick the image, then Enter."));
        list.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        list.setCellFactory(v -> new ObjectCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing) {
                vm.select(row == null ? null : row.id());
            }
        });
        vm.selectedIdProperty().addListener((obs, old, id) -> selectRow(id));
        vm.rows().addListener((javafx.collections.ListChangeListener<ObjectRow>) c ->
                selectRow(vm.selectedIdProperty().get()));
        list.setContextMenu(contextMenu());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                vm.editSelected();
            }
        });
        Button edit = new Button("Edit");
        edit.setOnAction(e -> vm.editSelected());
        edit.setTooltip(new javafx.scene.control.Tooltip("Re-prompt or paint the selected object (Ctrl+E)"));
        Button delete = new Button("Delete");
        delete.setId("delete-object");
        delete.setOnAction(e -> vm.deleteSelected());
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setFocusTraversable(false);
        delete.setFocusTraversable(false);
        VBox.setVgrow(list, Priority.ALWAYS);
        SuggestionsSection suggestions = new SuggestionsSection(vm);
        VBox.setVgrow(suggestions, Priority.ALWAYS);
        getChildren().addAll(title, list, new HBox(6, edit, delete), suggestions);
    }

    private void selectRow(Long id) {
        syncing = true;
        try {
            ObjectRow row = id == null ? null : vm.rows().stream().filter(r -> r.id() == id).findFirst().orElse(null);
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

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            ObjectRow row = list.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            for (Category c : vm.categories()) {
                MenuItem item = new MenuItem("Set category: " + c.name());
                item.setOnAction(a -> vm.changeCategory(row.id(), c.id()));
                menu.getItems().add(item);
            }
            MenuItem delete = new MenuItem("Delete object");
            delete.setOnAction(a -> vm.delete(row.id()));
            menu.getItems().add(delete);
        });
        return menu;
    }

    /** Swatch, "#n category", area and IoU, visibility checkbox. */
    private final class ObjectCell extends ListCell<ObjectRow> {
        @Override
        protected void updateItem(ObjectRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Rectangle swatch = new Rectangle(12, 12, Color.rgb(row.rgb() >> 16 & 255, row.rgb() >> 8 & 255, row.rgb() & 255));
            Label name = new Label(row.label());
            Label details = new Label(row.details());
            details.getStyleClass().add("details");
            CheckBox visible = new CheckBox();
            visible.setSelected(row.visible());
            visible.setFocusTraversable(false);
            visible.setOnAction(e -> vm.setVisible(row.id(), visible.isSelected()));
            visible.setTooltip(new javafx.scene.control.Tooltip("Show this mask"));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox box = new HBox(6, swatch, name, spacer, details, visible);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
