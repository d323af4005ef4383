package org.samannotator.gui.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/** Runs a step of the benchmark on the JavaFX application thread and waits for it (from another thread). */
final class FxThread {
    private FxThread() {
    }

    static <T> T call(String what, Duration timeout, Callable<T> task) throws UiBenchmarkException {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        return await(what, timeout, future);
    }

    static void run(String what, Duration timeout, Runnable task) throws UiBenchmarkException {
        call(what, timeout, () -> {
            task.run();
            return null;
        });
    }

    static <T> T await(String what, Duration timeout, java.util.concurrent.Future<T> future)
            throws UiBenchmarkException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new UiBenchmarkException(what + ": no result within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UiBenchmarkException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UiBenchmarkException(what + ": interrupted");
        }
    }
}
