package org.samannotator.gui.main;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.core.formats.ExportOptions;

/**
 * The options of File > Export as: where to write (a file for COCO, a folder for the others, labelme beside
 * the images by default), COCO's mask encoding, whether YOLO and VOC copy the images, and the polygon
 * tolerance of YOLO and labelme.
 */
final class ExportFormatDialog extends Dialog<ExportFormatDialog.Request> {
    /** What the user chose. */
    record Request(Path target, ExportOptions options) {
    }

    private final TextField target = new TextField();
    private final RadioButton polygons = new RadioButton("Polygons with holes");
    private final CheckBox copyImages = new CheckBox("Copy the images into the export");
    private final Spinner<Double> tolerance = new Spinner<>(0.0, 20.0, 0.0, 0.5);

    ExportFormatDialog(Stage owner, AnnotationFormat format, Path imageFolder) {
        initOwner(owner);
        setTitle("Export as " + format.displayName());
        setHeaderText(null);
        Label about = new Label(description(format));
        about.setWrapText(true);
        about.setMaxWidth(520);
        target.setId("export-target");
        target.setText(defaultTarget(format, imageFolder.toAbsolutePath()).toString());
        target.setPrefColumnCount(36);
        Button choose = new Button("Choose...");
        choose.setOnAction(e -> choose(owner, format));
        HBox targetRow = new HBox(6, target, choose);
        HBox.setHgrow(target, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.add(about, 0, row++, 2, 1);
        grid.addRow(row++, new Label(format.exportsSingleFile() ? "File" : "Folder"), targetRow);
        if (format == AnnotationFormat.COCO) {
            ToggleGroup encoding = new ToggleGroup();
            RadioButton rle = new RadioButton("RLE (pixel-exact, as SA-1B)");
            rle.setToggleGroup(encoding);
            polygons.setToggleGroup(encoding);
            rle.setSelected(true);
            grid.addRow(row++, new Label("Masks"), new HBox(12, rle, polygons));
        }
        if (format == AnnotationFormat.YOLO_SEG || format == AnnotationFormat.VOC) {
            grid.addRow(row++, new Label("Images"), copyImages);
        }
        if (format == AnnotationFormat.YOLO_SEG || format == AnnotationFormat.LABELME) {
            tolerance.setEditable(true);
            tolerance.setPrefWidth(90);
            grid.addRow(row++, new Label("Simplify polygons"), new HBox(6, tolerance,
                    new Label("pixels (0 = exact pixel outlines)")));
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ((Button) ok).setText("Export");
        ok.disableProperty().bind(target.textProperty().isEmpty());
        setResultConverter(button -> button == ButtonType.OK ? request() : null);
    }

    private Request request() {
        double simplify = tolerance.getValue() == null ? 0 : Math.max(0, tolerance.getValue());
        return new Request(Path.of(target.getText().strip()), new ExportOptions(copyImages.isSelected(), simplify,
                polygons.isSelected() ? SegmentationEncoding.POLYGONS : SegmentationEncoding.RLE));
    }

    private void choose(Stage owner, AnnotationFormat format) {
        Path current = Path.of(target.getText().isBlank() ? "." : target.getText().strip()).toAbsolutePath();
        File chosen;
        if (format.exportsSingleFile()) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export as " + format.displayName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO JSON", "*.json"));
            existing(current.getParent()).ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
            chooser.setInitialFileName(String.valueOf(current.getFileName()));
            chosen = chooser.showSaveDialog(owner);
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the " + format.displayName() + " export");
            existing(current).or(() -> existing(current.getParent()))
                    .ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
            chosen = chooser.showDialog(owner);
        }
        if (chosen != null) {
            target.setText(chosen.getAbsolutePath());
        }
    }

    private static java.util.Optional<Path> existing(Path dir) {
        return dir != null && java.nio.file.Files.isDirectory(dir) ? java.util.Optional.of(dir)
                : java.util.Optional.empty();
    }

    /** COCO: a file in the image folder; YOLO and VOC: a folder beside it; labelme: the image folder itself. */
    static Path defaultTarget(AnnotationFormat format, Path imageFolder) {
        String name = imageFolder.getFileName() == null ? "export" : imageFolder.getFileName().toString();
        return switch (format) {
            case COCO -> imageFolder.resolve("annotations.coco.json");
            case YOLO_SEG -> imageFolder.resolveSibling(name + "-yolo");
            case VOC -> imageFolder.resolveSibling(name + "-voc");
            case LABELME -> imageFolder;
        };
    }

    private static String description(AnnotationFormat format) {
        return switch (format) {
            case COCO -> "One COCO instances JSON file with masks, prompts, predicted IoU and seconds per object.";
            case YOLO_SEG -> "data.yaml and labels/<image>.txt with one normalised polygon per object"
                    + " (Ultralytics); colours, prompts and seconds are not kept.";
            case VOC -> "SegmentationClass/ and SegmentationObject/ PNGs and Annotations/*.xml;"
                    + " where objects overlap the later one wins.";
            case LABELME -> "One labelme JSON per image (beside the image by default); holes are filled.";
        };
    }

    /** What the folder chosen for an import must hold. */
    static String importHint(AnnotationFormat format) {
        return switch (format) {
            case COCO -> "the COCO JSON file";
            case YOLO_SEG -> "the folder with data.yaml and labels/";
            case VOC -> "the folder with SegmentationObject/ and Annotations/";
            case LABELME -> "the folder of labelme JSON files";
        };
    }
}
