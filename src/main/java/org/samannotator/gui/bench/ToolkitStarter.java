package org.samannotator.gui.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for the benchmark, on the real display or on Monocle's headless screen (1600x1000,
 * software renderer) when asked. A toolkit that already runs (e.g. started by tests) is used as it is.
 */
final class ToolkitStarter {
    /** Monocle's headless screen size, as {@code WIDTHxHEIGHT-DEPTH}; like {@code xvfb-run -s '-screen 0 1600x1000x24'}. */
    static final String HEADLESS_GEOMETRY = "1600x1000-32";

    private ToolkitStarter() {
    }

    static void start(boolean headless) throws UiBenchmarkException {
        if (headless) {
            useMonocleHeadless();
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (RuntimeException e) {
            throw new UiBenchmarkException("cannot start JavaFX" + (headless ? "" : " on the display (use --headless)")
                    + ": " + e.getMessage(), e);
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(60, TimeUnit.SECONDS)) {
                throw new UiBenchmarkException("JavaFX did not start within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UiBenchmarkException("interrupted while starting JavaFX");
        }
    }

    /** Selects Monocle's headless platform; the properties only take effect before the toolkit starts. */
    private static void useMonocleHeadless() throws UiBenchmarkException {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, ToolkitStarter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UiBenchmarkException("headless mode needs Monocle (openjfx-monocle), which the app jar does not"
                    + " carry: build with `mvn -Pheadless-bench -DskipTests package`, or run on a display (for example"
                    + " under xvfb-run) without --headless");
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("headless.geometry", HEADLESS_GEOMETRY);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The glass windowing class in use ("GtkApplication", "MonocleApplication"...), or "unknown". FX thread. */
    static String windowing() {
        return internalClassName("com.sun.glass.ui.Application", "GetApplication");
    }

    /** The Prism rendering pipeline in use ("ES2Pipeline", "SWPipeline"...), or "unknown". FX thread. */
    static String renderer() {
        return internalClassName("com.sun.prism.GraphicsPipeline", "getPipeline");
    }

    /** Reads an internal JavaFX singleton's class name for the report; any failure just gives "unknown". */
    private static String internalClassName(String owner, String getter) {
        try {
            Object instance = Class.forName(owner).getMethod(getter).invoke(null);
            return instance == null ? "unknown" : instance.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
