package org.samannotator.gui.main;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.samannotator.gui.canvas.CanvasView;
import org.samannotator.gui.categories.CategoriesPanel;
import org.samannotator.gui.folder.FolderPanel;
import org.samannotator.gui.folder.ThumbnailLoader;
import org.samannotator.gui.objects.ObjectsPanel;
import org.samannotator.gui.status.StatusBar;
import org.samannotator.gui.tools.ToolsBar;

/**
 * The main window: menu and tools bar on top, folder panel left, canvas centre, categories and objects right,
 * status bar at the bottom. Only layout and dialogs live here; behaviour is in the view models.
 */
public final class MainWindow {
    private final MainViewModel vm;
    private final Stage stage;
    private final CanvasView canvasView;
    private final ExportDialogs exportDialogs;
    private final SplitPane split;

    public MainWindow(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        this.canvasView = new CanvasView(vm.canvas(), vm.tools());
        this.exportDialogs = new ExportDialogs(vm, stage);
        canvasView.setId("canvas");
        StartPane start = new StartPane(vm, this::chooseFolder, vm::openFolderInBackground);
        start.visibleProperty().bind(vm.openFolderProperty().isNull());
        StackPane centre = new StackPane(canvasView, start);
        ThumbnailLoader thumbnails = new ThumbnailLoader(vm.thumbnails()::thumbnail,
                new org.samannotator.gui.concurrent.FxUiExecutor());
        vm.openFolderProperty().addListener((obs, old, now) -> thumbnails.clear());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> thumbnails.close());
        FolderPanel folder = new FolderPanel(vm.folder(), thumbnails);
        VBox right = new VBox(new CategoriesPanel(vm.categories()),
                new ObjectsPanel(vm.objects()));
        VBox.setVgrow(right.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        right.disableProperty().bind(vm.openFolderProperty().isNull());
        vm.openFolderProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(
                canvasView::requestFocus));
        SplitPane split = new SplitPane(folder, centre, right);
        this.split = split;
        split.setDividerPositions(0.19, 0.79);
        SplitPane.setResizableWithParent(folder, false);
        SplitPane.setResizableWithParent(right, false);
        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(new MainMenu(vm, canvasView, this), topBar()));
        root.setBottom(new StatusBar(vm.status()));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/org/samannotator/gui/app.css").toExternalForm());
        new KeyBindings(vm, canvasView).install(scene);
        vm.alertProperty().addListener((obs, old, message) -> {
            if (message != null) {
                vm.alertProperty().set(null);
                showError(message);
            }
        });
        stage.setScene(scene);
        WindowLayouts.restore(stage, split, vm.settings().settingsProperty().get().windowLayout());
        addIcons(stage);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> title(),
                vm.openFolderProperty(), vm.folder().currentFileProperty()));
        stage.setOnCloseRequest(e -> {
            rememberLayout();
            if (!vm.requestClose(stage::close)) {
                e.consume();
            }
        });
        vm.saveFailureProperty().addListener((obs, old, message) -> {
            if (message != null) {
                javafx.application.Platform.runLater(() -> askAfterFailedSave(message));
            }
        });
    }

    /** The tools bar plus the candidate's Accept and Discard buttons (Enter and Esc). */
    private javafx.scene.layout.HBox topBar() {
        ToolsBar tools = new ToolsBar(vm.tools());
        javafx.scene.layout.HBox.setHgrow(tools, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Button accept = new javafx.scene.control.Button("Accept (Enter)");
        accept.setId("accept-candidate");
        accept.setOnAction(e -> vm.accept());
        javafx.scene.control.Button discard = new javafx.scene.control.Button("Discard (Esc)");
        discard.setOnAction(e -> vm.discard());
        for (javafx.scene.control.Button b : java.util.List.of(accept, discard)) {
            b.setFocusTraversable(false);
            b.disableProperty().bind(vm.status().candidateProperty().isEmpty());
        }
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(6, tools, accept, discard);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("tools-bar");
        bar.setPadding(new Insets(0, 8, 0, 0));
        return bar;
    }

    /** The application icon in the sizes the build puts on the classpath (missing sizes are skipped). */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var url = MainWindow.class.getResource("/icons/sam-annotator-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
    }

    private String title() {
        Path folder = vm.openFolderProperty().get();
        String file = vm.folder().currentFileProperty().get();
        return "SAM Annotator" + (folder == null ? "" : " - " + folder.getFileName() + (file == null ? "" : "/" + file));
    }

    public CanvasView canvasView() {
        return canvasView;
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        if (vm.openFolderProperty().get() != null) {
            chooser.setInitialDirectory(vm.openFolderProperty().get().toFile());
        }
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            vm.openFolderInBackground(chosen.toPath());
        }
    }

    void export(org.samannotator.core.formats.AnnotationFormat format) {
        exportDialogs.export(format);
    }

    void importFrom(org.samannotator.core.formats.AnnotationFormat format) {
        exportDialogs.importFrom(format);
    }

    /** Saves the settings with the window's layout (before the window closes). */
    private void rememberLayout() {
        vm.settings().rememberWindow(WindowLayouts.of(stage, split)).ifPresent(vm.status()::show);
    }

    void showPreferences() {
        new org.samannotator.gui.settings.PreferencesDialog(stage, vm.settings().current(), vm.settings().file())
                .showAndWait().ifPresent(applied -> vm.settings().apply(applied).ifPresentOrElse(vm.status()::show,
                        () -> vm.status().show("Preferences saved; the levers apply from the next click.")));
    }

    void close() {
        rememberLayout();
        if (vm.requestClose(stage::close)) {
            stage.close();
        }
    }

    /** Retry / Close without saving / Cancel after the last changes could not be saved. */
    private void askAfterFailedSave(String message) {
        ButtonType retry = new ButtonType("Retry", ButtonBar.ButtonData.YES);
        ButtonType leave = new ButtonType("Close without saving", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, message + ".", retry, leave, cancel);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.setTitle("SAM Annotator");
        alert.getDialogPane().setMinWidth(520);
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        vm.resolveSaveFailure(chosen == retry ? UnsavedChangesDecision.RETRY
                : chosen == leave ? UnsavedChangesDecision.LEAVE_WITHOUT_SAVING : UnsavedChangesDecision.CANCEL);
    }

    void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Shortcuts");
        alert.setHeaderText("Keyboard and mouse shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.showAndWait();
    }

    void showStatistics() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Statistics");
        alert.setHeaderText("Statistics of this folder");
        Label text = new Label(vm.statisticsText());
        text.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    void showAbout() {
        AboutDialog.show(stage);
    }

    void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(null);
        alert.setTitle("SAM Annotator");
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }
}
