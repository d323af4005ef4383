package org.samannotator.gui;

import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the desktop app. Not a subclass of {@link Application}, so the shaded jar's plain main class can
 * call it without the JavaFX launcher checks that require JavaFX on the module path.
 */
public final class AppLauncher {
    private AppLauncher() {
    }

    /** Launches the app (blocks until the window is closed), opening {@code target} if given. */
    public static void launch(Optional<LaunchTarget> target) {
        String[] args = target.map(LaunchTarget::toArguments).orElse(new String[0]);
        Application.launch(SamAnnotatorApp.class, args);
    }
}
