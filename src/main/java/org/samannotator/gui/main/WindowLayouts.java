package org.samannotator.gui.main;

import java.util.Arrays;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.samannotator.core.settings.WindowLayout;

/** Reads the main window's layout into a {@link WindowLayout} and puts a remembered one back. */
final class WindowLayouts {
    private WindowLayouts() {
    }

    static WindowLayout of(Stage stage, SplitPane split) {
        return new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                Arrays.stream(split.getDividerPositions()).boxed().toList());
    }

    /**
     * Moves and sizes the window as remembered when its title bar lands on a screen there now (else it keeps
     * the default place), maximises it if it was, and sets the dividers once the window is shown.
     */
    static void restore(Stage stage, SplitPane split, Optional<WindowLayout> remembered) {
        if (remembered.isEmpty()) {
            return;
        }
        WindowLayout layout = remembered.get();
        boolean onScreen = !Screen.getScreensForRectangle(layout.x(), layout.y(), Math.min(layout.width(), 200), 40)
                .isEmpty();
        if (onScreen) {
            Rectangle2D screen = Screen.getScreensForRectangle(layout.x(), layout.y(), 1, 1).stream().findFirst()
                    .orElse(Screen.getPrimary()).getVisualBounds();
            stage.setX(layout.x());
            stage.setY(layout.y());
            stage.setWidth(Math.min(layout.width(), screen.getWidth()));
            stage.setHeight(Math.min(layout.height(), screen.getHeight()));
        }
        stage.setMaximized(layout.maximized());
        if (layout.dividers().size() == split.getDividers().size()) {
            double[] positions = layout.dividers().stream().mapToDouble(Double::doubleValue).toArray();
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                    e -> javafx.application.Platform.runLater(() -> split.setDividerPositions(positions)));
        }
    }
}
