package org.samannotator.gui.canvas;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes detail regions of a huge image on one low-priority background thread, latest wins: a request
 * waiting when a newer one arrives is dropped (the user has panned or zoomed on), and a request equal to
 * the one waiting or being decoded is not queued again. The decoded image is handed to {@code ui} (the FX
 * thread in the app) with its request; failures are logged once per request and not retried. The thread
 * is a daemon that lives as long as the canvas (the app's window).
 */
final class DetailLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DetailLoader.class);

    /** One region of one file. */
    private record Job(Path file, DetailPlan.Request request, BiConsumer<DetailPlan.Request, WritableImage> done) {
    }

    private final Executor ui;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "canvas-detail-decoder");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final AtomicReference<Job> waiting = new AtomicReference<>();
    private final AtomicReference<Job> running = new AtomicReference<>();
    private volatile Job failed;

    DetailLoader(Executor ui) {
        this.ui = ui;
    }

    /**
     * Asks for {@code request} of {@code file}; {@code done} runs on the UI executor with the decoded image,
     * unless a newer request replaced this one before its decode started.
     */
    void request(Path file, DetailPlan.Request request, BiConsumer<DetailPlan.Request, WritableImage> done) {
        Job job = new Job(file, request, done);
        if (sameRegion(job, waiting.get()) || sameRegion(job, running.get()) || sameRegion(job, failed)) {
            return;
        }
        waiting.set(job);
        CompletableFuture.runAsync(this::runWaiting, thread);
    }

    private static boolean sameRegion(Job a, Job b) {
        return b != null && a.file().equals(b.file()) && a.request().equals(b.request());
    }

    /** Forgets what is waiting (another image is shown); a decode under way still completes but is ignored by its owner. */
    void cancel() {
        waiting.set(null);
    }

    private void runWaiting() {
        Job job = waiting.getAndSet(null);
        if (job == null) {
            return;
        }
        running.set(job);
        try {
            WritableImage image = toFxImage(ImageLoader.readRegion(job.file(), job.request().region(),
                    job.request().subsampling()));
            ui.execute(() -> job.done().accept(job.request(), image));
        } catch (ImageLoadException | RuntimeException e) {
            failed = job;
            LOG.warn("Cannot decode the detail {} of {}: {}", job.request(), job.file(), e.toString());
        } finally {
            running.set(null);
        }
    }

    /** The region as a JavaFX image, built here off the FX thread (an image not yet shown may be written anywhere). */
    static WritableImage toFxImage(RgbImage region) {
        WritableImage image = new WritableImage(region.width(), region.height());
        image.getPixelWriter().setPixels(0, 0, region.width(), region.height(), PixelFormat.getIntArgbInstance(),
                region.argb(), 0, region.width());
        return image;
    }
}
