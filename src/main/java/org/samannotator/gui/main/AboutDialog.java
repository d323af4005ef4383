package org.samannotator.gui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.logging.LogFiles;
import org.samannotator.core.model.ModelDirectory;

/**
 * Help > About: the version, and where the app keeps its files, above all the log file to attach to a bug
 * report. The text can be selected and copied.
 */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Stage owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About SAM Annotator");
        String version = AboutDialog.class.getPackage().getImplementationVersion();
        alert.setHeaderText("SAM Annotator " + (version == null ? "(development build)" : version));
        TextArea text = new TextArea(describe());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setPrefColumnCount(60);
        text.setId("about-text");
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    /** The lines of the dialog: log file, models folder, embedding cache, Java runtime. */
    static String describe() {
        String log = LogFiles.currentLogFile().map(Object::toString)
                .orElse("none (the log folder " + LogFiles.logDirectory() + " cannot be written; messages go to the console)");
        return "Log file (attach it to a bug report):\n  " + log + "\n"
                + "Models:\n  " + describeModels() + "\n"
                + "Embedding cache:\n  " + EmbeddingCache.defaultDirectory() + "\n"
                + "Java:\n  " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    private static String describeModels() {
        try {
            return ModelDirectory.locate().path().toString();
        } catch (RuntimeException e) {
            return "not found (" + e.getMessage() + ")";
        }
    }
}
