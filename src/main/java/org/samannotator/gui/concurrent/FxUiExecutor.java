package org.samannotator.gui.concurrent;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Runs callbacks on the JavaFX application thread (in submission order). View models receive an
 * {@link Executor} for this, so tests can hand in one that runs callbacks on the test thread instead.
 */
public final class FxUiExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        Platform.runLater(command);
    }
}
