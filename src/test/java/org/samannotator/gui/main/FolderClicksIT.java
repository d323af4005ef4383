package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.session.FakeSegmenter;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.concurrent.FxUiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Clicking images in the folder panel of the real window (fake segmenter): each opens, nothing throws. */
@ExtendWith(ApplicationExtension.class)
class FolderClicksIT {
    @TempDir
    static Path root;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        vm = new MainViewModel(FakeSegmenter::new, null, new RecentFolders(root.resolve("recent.txt")),
                new FxUiExecutor());
        new MainWindow(vm, stage);
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    @Test
    void clickingRowsOpensTheirImages(FxRobot robot) throws Exception {
        Path folder = root.resolve("images");
        SyntheticImages.writeFolder(folder, 6);
        robot.interact(() -> vm.openFolder(folder));
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : List.of("img4.png", "img2.png", "img6.png")) {
            robot.clickOn(name);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> name.equals(vm.folder().currentFileProperty().get()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
        assertEquals("img6.png", vm.folder().currentFileProperty().get());
    }
}
