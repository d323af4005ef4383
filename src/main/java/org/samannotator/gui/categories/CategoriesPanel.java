package org.samannotator.gui.categories;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.annotation.CategoryDeletion;

/** The categories panel: list (number key, colour, name), add, rename, recolour, delete. */
public final class CategoriesPanel extends VBox {
    private final CategoriesViewModel vm;
    private final ListView<Category> list = new ListView<>();
    private boolean syncing;

    public CategoriesPanel(CategoriesViewModel vm) {
        super(4);
        this.vm = vm;
        setPadding(new Insets(6));
        Label title = new Label("Categories");
        title.getStyleClass().add("panel-title");
        list.setId("categories-list");
        list.setItems(vm.categories());
        list.setPrefHeight(150);
        list.setCellFactory(v -> new CategoryCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                vm.currentProperty().set(now);
            }
        });
        vm.currentProperty().addListener((obs, old, now) -> sync(now));
        sync(vm.currentProperty().get());
        Button add = button("Add", e -> ask("New category", "Name:", "").ifPresent(vm::add));
        Button rename = button("Rename", e -> renameCurrent());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                renameCurrent();
            }
        });
        ColorPicker colour = new ColorPicker();
        colour.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
        colour.setFocusTraversable(false);
        vm.currentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                colour.setValue(Color.web(now.hexColour()));
            }
        });
        vm.current().ifPresent(c -> colour.setValue(Color.web(c.hexColour())));
        colour.setTooltip(new javafx.scene.control.Tooltip("Colour of the current category"));
        colour.setOnAction(e -> vm.current().ifPresent(c -> vm.recolour(c.id(), toRgb(colour.getValue()))));
        colour.setPrefWidth(44);
        Button delete = button("Delete", e -> vm.current().ifPresent(this::confirmDelete));
        HBox buttons = new HBox(4, add, rename, colour, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, list, buttons);
    }

    private void renameCurrent() {
        vm.current().ifPresent(c -> ask("Rename category", "Name:", c.name()).ifPresent(n -> vm.rename(c.id(), n)));
    }

    private void sync(Category current) {
        syncing = true;
        try {
            if (current == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(current);
            }
        } finally {
            syncing = false;
        }
    }

    private static Button button(String text, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text);
        button.setFocusTraversable(false);
        button.setOnAction(action);
        return button;
    }

    private Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Asks what to do with the category's objects: delete them, or move them to the first other category. */
    private void confirmDelete(Category category) {
        Optional<Category> other = vm.categories().stream().filter(c -> c.id() != category.id()).findFirst();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Delete category");
        alert.setHeaderText("Delete category \"" + category.name() + "\"?");
        alert.setContentText(vm.deletionImpact(category.id()) + "\nThis can be undone with Ctrl+Z.");
        ButtonType deleteObjects = new ButtonType("Delete category and its objects", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(deleteObjects, ButtonType.CANCEL);
        ButtonType move = other.map(o -> new ButtonType("Move objects to \"" + o.name() + "\"",
                ButtonBar.ButtonData.OTHER)).orElse(null);
        if (move != null) {
            alert.getButtonTypes().add(0, move);
        }
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.showAndWait().ifPresent(choice -> {
            if (choice == deleteObjects) {
                vm.delete(category.id(), CategoryDeletion.deleteObjects());
            } else if (choice == move) {
                vm.delete(category.id(), CategoryDeletion.reassignTo(other.get().id()));
            }
        });
    }

    static int toRgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** "1  [swatch] name". */
    private final class CategoryCell extends ListCell<Category> {
        @Override
        protected void updateItem(Category category, boolean empty) {
            super.updateItem(category, empty);
            if (empty || category == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            int index = getIndex() + 1;
            Label key = new Label(index <= 9 ? String.valueOf(index) : " ");
            key.getStyleClass().add("key-hint");
            key.setMinWidth(14);
            Rectangle swatch = new Rectangle(14, 14, Color.web(category.hexColour()));
            HBox box = new HBox(6, key, swatch, new Label(category.name()));
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
