package org.samannotator.gui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * Shown while no folder is open: the "Open folder..." button and the recent folders; while a folder is
 * read (at start with a folder on the command line, or after choosing one) "Opening FOLDER..." instead.
 */
final class StartPane extends VBox {
    private final VBox recentBox = new VBox(2);
    private final Label opening = new Label();

    StartPane(MainViewModel vm, Runnable chooseFolder, Consumer<Path> openFolder) {
        super(14);
        setAlignment(Pos.CENTER);
        getStyleClass().add("start-pane");
        Label title = new Label("SAM Annotator");
        title.getStyleClass().add("start-title");
        Label hint = new Label("Open a folder of images to start annotating.");
        hint.getStyleClass().add("start-hint");
        Button open = new Button("Open folder...");
        open.setId("open-folder");
        open.setDefaultButton(true);
        open.setOnAction(e -> chooseFolder.run());
        recentBox.setAlignment(Pos.CENTER);
        vm.recentFolders().addListener((ListChangeListener<Path>) c -> fillRecent(vm, openFolder));
        fillRecent(vm, openFolder);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        opening.setId("opening-folder");
        opening.getStyleClass().add("start-hint");
        opening.setGraphic(progress);
        opening.textProperty().bind(Bindings.createStringBinding(() -> vm.openingFolderProperty().get() == null ? ""
                : "Opening " + vm.openingFolderProperty().get() + "...", vm.openingFolderProperty()));
        BooleanBinding reading = vm.openingFolderProperty().isNotNull();
        for (Node shownWhenIdle : List.of(hint, open, recentBox)) {
            shownWhenIdle.visibleProperty().bind(reading.not());
            shownWhenIdle.managedProperty().bind(reading.not());
        }
        opening.visibleProperty().bind(reading);
        opening.managedProperty().bind(reading);
        getChildren().addAll(title, hint, open, opening, recentBox);
    }

    private void fillRecent(MainViewModel vm, Consumer<Path> openFolder) {
        recentBox.getChildren().clear();
        if (vm.recentFolders().isEmpty()) {
            return;
        }
        Label heading = new Label("Recent folders");
        heading.getStyleClass().add("start-hint");
        recentBox.getChildren().add(heading);
        for (Path folder : vm.recentFolders()) {
            Hyperlink link = new Hyperlink(folder.toString());
            link.setOnAction(e -> openFolder.accept(folder));
            recentBox.getChildren().add(link);
        }
    }
}
