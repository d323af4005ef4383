package org.samannotator.gui.main;

import java.io.File;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** File > Export and Import dialogs: choose a file (and RLE or polygons), then report the outcome. */
final class ExportDialogs {
    private final MainViewModel vm;
    private final Stage stage;

    ExportDialogs(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
    }

    void export() {
        if (vm.openFolderProperty().get() == null) {
            return;
        }
        Alert format = new Alert(Alert.AlertType.CONFIRMATION);
        format.initOwner(stage);
        format.setTitle("Export COCO JSON");
        format.setHeaderText("Segmentation format");
        format.setContentText("RLE keeps masks pixel-exact. Polygons (with holes) suit tools that need them.");
        ButtonType rle = new ButtonType("RLE (default)", ButtonBar.ButtonData.OK_DONE);
        ButtonType polygons = new ButtonType("Polygons", ButtonBar.ButtonData.OTHER);
        format.getButtonTypes().setAll(rle, polygons, ButtonType.CANCEL);
        ButtonType choice = format.showAndWait().orElse(ButtonType.CANCEL);
        if (choice == ButtonType.CANCEL) {
            return;
        }
        FileChooser chooser = jsonChooser("Export COCO JSON");
        chooser.setInitialFileName("annotations.coco.json");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            vm.exportCocoInBackground(file.toPath(), choice == polygons, message -> info("Export", message));
        }
    }

    void importCoco() {
        if (vm.openFolderProperty().get() == null) {
            return;
        }
        File file = jsonChooser("Import COCO JSON").showOpenDialog(stage);
        if (file != null) {
            info("Import", vm.importCoco(file.toPath()));
        }
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO JSON", "*.json"));
        chooser.setInitialDirectory(vm.openFolderProperty().get().toFile());
        return chooser;
    }

    private void info(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.showAndWait();
    }
}
