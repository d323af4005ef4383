package org.samannotator.gui.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.InstalledSegmenterSource;
import org.samannotator.core.segment.Segmenter;
import org.samannotator.core.segment.SegmenterSource;
import org.samannotator.core.session.ImageState;
import org.samannotator.core.thumbnail.ThumbnailCache;
import org.samannotator.gui.canvas.CanvasView;
import org.samannotator.gui.concurrent.FxUiExecutor;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.MainWindow;
import org.samannotator.gui.main.RecentFolders;

/**
 * The real app for the benchmark: {@link MainViewModel} with the installed default model (no embedding
 * cache, so every image is encoded and nothing is pre-encoded in the background), its {@link MainWindow}
 * on a shown stage, and clicks fired as mouse events on the {@link CanvasView}. Methods are called from the
 * benchmark thread; the work runs on the JavaFX thread.
 */
final class BenchSession implements AutoCloseable {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Duration READY = Duration.ofMinutes(10);
    /** Pause after a discard, so its frame is out of the way (a person does not click within 3 frames). */
    private static final long SETTLE_MILLIS = 50;

    private final MainViewModel vm;
    private final Stage stage;
    private final MainWindow window;
    private final AtomicReference<String> modelId;
    private final OverlayProbe overlay;
    private final Rectangle probe = new Rectangle(1, 1);
    private final WritableImage probeImage = new WritableImage(1, 1);
    /** The click waiting for its overlay (FX thread only). */
    private CompletableFuture<UiBenchResult.ClickSample> pendingClick;
    private ImagePoint pendingPoint;
    private double pendingProbeMillis;

    private BenchSession(MainViewModel vm, Stage stage, AtomicReference<String> modelId) {
        this.vm = vm;
        this.stage = stage;
        this.modelId = modelId;
        this.window = new MainWindow(vm, stage);
        this.overlay = new OverlayProbe(vm.session(), stage.getScene(), this::overlayShown);
        stage.show();
    }

    /**
     * Opens the app window; the model loads with the first image. {@code levers} are set as the app's
     * {@code -Dsamannotator.clickLevers} sets them (the settings' levers, asked by the segmenter at every
     * click). {@code progress} gets model-fetch lines.
     */
    static BenchSession open(ModelDirectory models, Path stateDir, ClickLevers levers, Consumer<String> progress)
            throws UiBenchmarkException {
        AtomicReference<String> modelId = new AtomicReference<>("unknown");
        AtomicReference<String> lastProgress = new AtomicReference<>("");
        AtomicReference<MainViewModel> app = new AtomicReference<>();
        SegmenterSource installed = new InstalledSegmenterSource(models, text -> {
            if (!text.equals(lastProgress.getAndSet(text))) {
                progress.accept(text);
            }
        }, () -> app.get().settings().clickLevers());
        SegmenterSource source = () -> {
            Segmenter segmenter = installed.open();
            modelId.set(segmenter.modelId());
            return segmenter;
        };
        return FxThread.call("opening the app window", STEP, () -> {
            app.set(new MainViewModel(source, null, new RecentFolders(stateDir.resolve("recent-folders.txt")), null,
                    Optional.of(levers), new ThumbnailCache(null, ThumbnailCache.DEFAULT_LONGEST_SIDE),
                    new FxUiExecutor()));
            return new BenchSession(app.get(), new Stage(), modelId);
        });
    }

    /** Opens {@code folder} (one image) and waits until its embedding is ready and the canvas shows it. */
    void openAndWait(Path folder) throws UiBenchmarkException {
        if (!FxThread.call("opening " + folder, STEP, () -> vm.openFolder(folder))) {
            throw new UiBenchmarkException("cannot open the benchmark folder " + folder);
        }
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            ImageState state = FxThread.call("reading the image state", STEP, () -> vm.canvas().imageStateProperty().get());
            if (state == ImageState.READY) {
                break;
            }
            if (state == ImageState.FAILED || state == ImageState.NO_MODEL) {
                String message = FxThread.call("reading the message", STEP, () -> vm.status().activityProperty().get());
                throw new UiBenchmarkException("the image in " + folder + " could not be prepared: " + message);
            }
            if (System.nanoTime() > deadline) {
                throw new UiBenchmarkException("the image in " + folder + " was not ready within " + READY.toMinutes() + " min");
            }
            pause(20);
        }
        settle();
    }

    /** Presses Esc (discards any candidate), lets its frame render, then clicks at {@code p}; waits for the overlay. */
    UiBenchResult.ClickSample click(ImagePoint p) throws UiBenchmarkException {
        FxThread.run("pressing Esc", STEP, () -> Event.fireEvent(window.canvasView(), new KeyEvent(
                KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        if (FxThread.call("checking the discard", STEP, () -> vm.canvas().candidate().isPresent())) {
            throw new UiBenchmarkException("Esc did not discard the candidate");
        }
        double probeMillis = settle();
        CompletableFuture<UiBenchResult.ClickSample> result = new CompletableFuture<>();
        FxThread.run("clicking", STEP, () -> {
            pendingClick = result;
            pendingPoint = p;
            pendingProbeMillis = probeMillis;
            pressAndRelease(p);
        });
        try {
            return FxThread.await("the overlay of the click at (" + p.x() + ", " + p.y() + ")", STEP, result);
        } catch (UiBenchmarkException e) {
            String message = FxThread.call("reading the message", STEP, () -> vm.status().activityProperty().get());
            throw new UiBenchmarkException(e.getMessage() + " (status: " + message + ")", e);
        }
    }

    /**
     * Makes sure Image > Pre-annotate runs on the open image (starting it again when the last run finished);
     * returns true when it had to be started.
     */
    boolean ensurePreannotating() throws UiBenchmarkException {
        boolean started = FxThread.call("starting a pre-annotation", STEP, () -> {
            if (vm.session().suggestions().isPreannotating()) {
                return false;
            }
            vm.preannotate();
            return true;
        });
        if (!FxThread.call("checking the pre-annotation", STEP, () -> vm.session().suggestions().isPreannotating())) {
            String message = FxThread.call("reading the message", STEP, () -> vm.status().activityProperty().get());
            throw new UiBenchmarkException("the pre-annotation did not start: " + message);
        }
        return started;
    }

    /** Cancels a running pre-annotation and waits until it stopped. */
    void stopPreannotating() throws UiBenchmarkException {
        FxThread.run("cancelling the pre-annotation", STEP, vm::cancelPreannotation);
        long deadline = System.nanoTime() + STEP.toNanos();
        while (FxThread.call("checking the pre-annotation", STEP, () -> vm.session().suggestions().isPreannotating())) {
            if (System.nanoTime() > deadline) {
                throw new UiBenchmarkException("the pre-annotation did not stop within " + STEP.toSeconds() + " s");
            }
            pause(20);
        }
    }

    /** Fires a primary-button press and release at image point {@code p} on the canvas (FX thread). */
    private void pressAndRelease(ImagePoint p) {
        CanvasView canvas = window.canvasView();
        double[] local = canvas.toScreen(p);
        Point2D scene = canvas.localToScene(local[0], local[1]);
        Point2D screen = Objects.requireNonNull(canvas.localToScreen(local[0], local[1]), "canvas not on screen");
        Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_PRESSED, scene, screen, true));
        overlay.start();
        Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_RELEASED, scene, screen, false));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Point2D scene, Point2D screen,
            boolean primaryDown) {
        return new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, primaryDown, false, false, false, false, true, null);
    }

    /**
     * The overlay probe recorded a sample: the pulse after the candidate's draw has run (FX thread).
     * Completes the waiting click once the renderer has finished that frame.
     */
    private void overlayShown(double pulseMillis) {
        CompletableFuture<UiBenchResult.ClickSample> waiting = pendingClick;
        if (waiting == null) {
            return;
        }
        pendingClick = null;
        long start = System.nanoTime();
        waitForRenderer();
        double overlayMillis = pulseMillis + (System.nanoTime() - start) / 1e6;
        waiting.complete(new UiBenchResult.ClickSample(pendingPoint, overlayMillis, pulseMillis,
                vm.session().lastDecodeMillis(), pendingProbeMillis));
    }

    /**
     * Returns once the renderer has finished every frame handed to it so far: a 1x1 snapshot is a render
     * job queued behind them on the single render thread, and {@code snapshot} waits for it (FX thread).
     */
    private void waitForRenderer() {
        probe.snapshot(null, probeImage);
    }

    /**
     * Lets pending pulses run and the renderer finish (from the benchmark thread). Returns how long the
     * render-complete probe took then, with nothing left to render: its own cost, included in each sample.
     */
    private double settle() throws UiBenchmarkException {
        pause(SETTLE_MILLIS);
        return FxThread.call("waiting for the renderer", STEP, () -> {
            waitForRenderer();
            long start = System.nanoTime();
            waitForRenderer();
            return (System.nanoTime() - start) / 1e6;
        });
    }

    private static void pause(long millis) throws UiBenchmarkException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UiBenchmarkException("interrupted");
        }
    }

    String modelId() {
        return modelId.get();
    }

    /** Screen pixels per image pixel of the image shown now (fit to the canvas after opening). */
    double displayScale() throws UiBenchmarkException {
        return FxThread.call("reading the zoom", STEP, () -> window.canvasView().zoom());
    }

    double[] canvasSize() throws UiBenchmarkException {
        return FxThread.call("reading the canvas size", STEP, () -> new double[] {window.canvasView().getWidth(),
                window.canvasView().getHeight()});
    }

    double[] sceneSize() throws UiBenchmarkException {
        return FxThread.call("reading the scene size", STEP, () -> new double[] {stage.getScene().getWidth(),
                stage.getScene().getHeight()});
    }

    String windowing() throws UiBenchmarkException {
        return FxThread.call("reading the platform", STEP, ToolkitStarter::windowing);
    }

    String renderer() throws UiBenchmarkException {
        return FxThread.call("reading the pipeline", STEP, ToolkitStarter::renderer);
    }

    @Override
    public void close() throws UiBenchmarkException {
        FxThread.run("closing the window", STEP, stage::close);
        vm.close();
    }
}
