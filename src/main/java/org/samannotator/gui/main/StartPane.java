package org.samannotator.gui.main;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown while no folder is open: the "Open folder..." button and the recent folders. */
final class StartPane extends VBox {
    private final VBox recentBox = new VBox(2);

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
        getChildren().addAll(title, hint, open, recentBox);
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
