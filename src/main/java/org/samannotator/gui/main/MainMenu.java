package org.samannotator.gui.main;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.formats.AnnotationFormat;
import org.samannotator.gui.canvas.CanvasView;

/** The menu bar; holds the shortcuts with modifiers as accelerators. */
final class MainMenu extends MenuBar {
    MainMenu(MainViewModel vm, CanvasView canvasView, MainWindow window) {
        Menu file = new Menu("File");
        file.setId("menu-file");
        file.getItems().addAll(
                item("Open folder...", "Shortcut+O", window::chooseFolder),
                recentMenu(vm),
                new SeparatorMenuItem(),
                formatsMenu("Export as", "menu-export", "Shortcut+Shift+E", window::export),
                formatsMenu("Import", "menu-import", "Shortcut+Shift+I", window::importFrom),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", window::close));
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", "Shortcut+Z", vm::undo);
        undo.textProperty().bind(vm.undoTextProperty());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", vm::redo);
        redo.textProperty().bind(vm.redoTextProperty());
        edit.getItems().addAll(
                undo,
                redo,
                item("Redo (alternative)", "Shortcut+Y", vm::redo),
                new SeparatorMenuItem(),
                item("Accept candidate (Enter)", null, vm::accept),
                item("Discard candidate (Esc)", null, vm::discard),
                item("Edit selected object", "Shortcut+E", vm.objects()::editSelected),
                item("Delete selected object (Del)", null, vm.objects()::deleteSelected),
                new SeparatorMenuItem(),
                item("Preferences...", "Shortcut+Comma", window::showPreferences));
        Menu view = new Menu("View");
        CheckMenuItem masks = new CheckMenuItem("Show masks (M)");
        masks.selectedProperty().bindBidirectional(vm.tools().showMasksProperty());
        CheckMenuItem hover = new CheckMenuItem("Hover preview (H)");
        hover.selectedProperty().bindBidirectional(vm.tools().hoverPreviewProperty());
        CheckMenuItem byInstance = new CheckMenuItem("Colour by instance (C)");
        byInstance.setId("menu-colour-by-instance");
        byInstance.selectedProperty().bindBidirectional(vm.tools().colourByInstanceProperty());
        view.getItems().addAll(
                item("Fit to window (F)", null, canvasView::fitToWindow),
                item("Zoom 100%", "Shortcut+0", canvasView::actualSize),
                item("Zoom in (+)", null, () -> canvasView.zoom(1.25)),
                item("Zoom out (-)", null, () -> canvasView.zoom(0.8)),
                new SeparatorMenuItem(), masks, hover, byInstance);
        Menu image = new Menu("Image");
        image.setId("menu-image");
        image.getItems().addAll(
                item("Next image (D)", null, () -> vm.nextImage(1)),
                item("Previous image (A)", null, () -> vm.nextImage(-1)),
                item("Mark done and go to next", "Shortcut+Enter", vm::markDoneAndNext),
                new SeparatorMenuItem(),
                item("Pre-annotate", "Shortcut+G", vm::preannotate, "menu-preannotate"),
                item("Pre-annotate folder", "Shortcut+Shift+G", vm::preannotateFolder, "menu-preannotate-folder"),
                item("Cancel pre-annotation", null, vm::cancelPreannotation),
                item("Accept suggestion (Y)", null, vm.objects()::acceptSuggestion),
                item("Accept all suggestions (Shift+Y)", null, vm.objects()::acceptAllSuggestions),
                item("Reject suggestion (X)", null, vm.objects()::rejectSuggestion),
                item("Reject all suggestions (Shift+X)", null, vm.objects()::rejectAllSuggestions),
                new SeparatorMenuItem());
        for (ImageStatus status : ImageStatus.values()) {
            image.getItems().add(item("Mark " + status.displayName(), null, () -> vm.setCurrentStatus(status)));
        }
        Menu help = new Menu("Help");
        help.getItems().addAll(
                item("Shortcuts", "F1", window::showShortcuts),
                item("Statistics", null, window::showStatistics),
                item("About", null, window::showAbout));
        getMenus().addAll(file, edit, view, image, help);
    }

    /** One item per annotation format; COCO (the first) gets the accelerator. */
    private static Menu formatsMenu(String text, String id, String cocoAccelerator,
            java.util.function.Consumer<AnnotationFormat> action) {
        Menu menu = new Menu(text);
        menu.setId(id);
        for (AnnotationFormat format : AnnotationFormat.values()) {
            MenuItem item = item(menuName(format) + "...", format == AnnotationFormat.COCO ? cocoAccelerator : null,
                    () -> action.accept(format));
            item.setId(id + "-" + format.id());
            menu.getItems().add(item);
        }
        return menu;
    }

    private static String menuName(AnnotationFormat format) {
        return switch (format) {
            case COCO -> "COCO JSON";
            case YOLO_SEG -> "YOLO segmentation";
            case VOC -> "Pascal VOC";
            case LABELME -> "labelme";
        };
    }

    private static Menu recentMenu(MainViewModel vm) {
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            vm.recentFolders().forEach(folder ->
                    recent.getItems().add(item(folder.toString(), null, () -> vm.openFolderInBackground(folder))));
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        return recent;
    }

    private static MenuItem item(String text, String accelerator, Runnable action, String id) {
        MenuItem item = item(text, accelerator, action);
        item.setId(id);
        return item;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
