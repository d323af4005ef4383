package org.samannotator.gui.main;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.samannotator.core.formats.AnnotationFormat;

/**
 * File > Export as and File > Import: choose the target or source (and the format's options), start the work
 * in the background through the view model, and report the outcome in a dialog (the status bar shows the work
 * while it runs).
 */
final class ExportDialogs {
    private final MainViewModel vm;
    private final Stage stage;

    ExportDialogs(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
    }

    void export(AnnotationFormat format) {
        Path folder = vm.openFolderProperty().get();
        if (folder == null) {
            return;
        }
        new ExportFormatDialog(stage, format, folder).showAndWait().ifPresent(request ->
                vm.export(format, request.target(), request.options(), outcome -> report("Export", outcome)));
    }

    void importFrom(AnnotationFormat format) {
        Path folder = vm.openFolderProperty().get();
        if (folder == null) {
            return;
        }
        File source;
        if (format == AnnotationFormat.COCO) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import COCO JSON");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO JSON", "*.json"));
            chooser.setInitialDirectory(folder.toFile());
            source = chooser.showOpenDialog(stage);
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Import " + format.displayName() + ": " + ExportFormatDialog.importHint(format));
            chooser.setInitialDirectory(format == AnnotationFormat.LABELME ? folder.toFile()
                    : existingParent(folder).toFile());
            source = chooser.showDialog(stage);
        }
        if (source != null) {
            vm.importFrom(format, source.toPath(), outcome -> report("Import", outcome));
        }
    }

    private static Path existingParent(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        return parent == null ? folder : parent;
    }

    private void report(String title, ProjectExchange.Outcome outcome) {
        Alert alert = new Alert(outcome.succeeded() ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR,
                outcome.message());
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}
