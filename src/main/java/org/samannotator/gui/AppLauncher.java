package org.samannotator.gui;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app. Not a subclass of {@link Application}, so the shaded jar's plain main class can
 * call it without the JavaFX launcher checks that require JavaFX on the module path.
 */
public final class AppLauncher {
    private AppLauncher() {
    }

    /**
     * JavaFX's own logger: it warns "Unsupported JavaFX configuration" at every start when loaded from the
     * classpath (our single jar and the installers do that on purpose), which users would read as a fault.
     * Only its severe messages are kept; the field keeps the setting from being garbage-collected.
     */
    private static final Logger JAVAFX_STARTUP_LOG = Logger.getLogger("javafx");

    /** Launches the app (blocks until the window is closed), opening {@code target} if given. */
    public static void launch(Optional<LaunchTarget> target) {
        JAVAFX_STARTUP_LOG.setLevel(Level.SEVERE);
        String[] args = target.map(LaunchTarget::toArguments).orElse(new String[0]);
        Application.launch(SamAnnotatorApp.class, args);
    }
}
