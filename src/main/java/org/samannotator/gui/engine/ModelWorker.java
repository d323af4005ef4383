package org.samannotator.gui.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * Runs the SAM model off the UI thread. The worker thread owns the {@link SamPredictor} and serves, in this
 * order: (1) opening the current image (load, then embedding from the cache or the encoder), (2) decoding
 * the newest click/box prompt, (3) decoding the newest hover prompt. Decode and hover requests are
 * latest-wins (one pending slot each); opening another image drops the stale open, its pending decodes and
 * any result still in flight. A second, low-priority thread pre-encodes the next images into the embedding
 * cache, only after {@value #IDLE_MILLIS} ms without requests, so an encode rarely competes with a click.
 * Every callback runs on the given UI executor, so callers never see the worker threads.
 */
public final class ModelWorker implements AutoCloseable {
    private final PredictorSource predictorSource;
    private final EmbeddingCache cache;
    private final CachedEncoder encoder;
    private final Executor ui;
    private final Consumer<ModelStatus> statusListener;
    private final Object lock = new Object();
    /** Pre-encoding waits for this long without open/decode requests. */
    public static final long IDLE_MILLIS = 1500;

    private final Thread thread;
    private final Thread preEncoder;
    private long lastRequestNanos = System.nanoTime();
    private final Deque<Path> preEncodeQueue = new ArrayDeque<>();
    private OpenRequest pendingOpen;
    private DecodeRequest pendingDecode;
    private DecodeRequest pendingHover;
    private long generation;
    private boolean closed;
    /** The image the pre-encoder is encoding right now, or null; guarded by {@link #lock}. */
    private Path preEncoding;
    // Owned by the worker thread only:
    private volatile SamPredictor predictor;
    private String predictorError;
    private ImageEmbedding currentEmbedding;
    private long currentGeneration = -1;

    /** {@code cache} may be null (no on-disk cache). Starts the worker thread, which loads the model. */
    public ModelWorker(PredictorSource predictorSource, EmbeddingCache cache, Executor ui,
            Consumer<ModelStatus> statusListener) {
        this.predictorSource = predictorSource;
        this.cache = cache;
        this.encoder = new CachedEncoder(cache);
        this.ui = ui;
        this.statusListener = statusListener;
        this.thread = new Thread(this::run, "sam-model-worker");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        this.preEncoder = new Thread(this::runPreEncoder, "sam-pre-encoder");
        preEncoder.setDaemon(true);
        preEncoder.setPriority(Thread.MIN_PRIORITY);
        preEncoder.start();
    }

    /** Opens {@code file} as the current image; cancels the previous open and pending decodes. */
    public void openImage(Path file, ImageCallbacks callbacks) {
        synchronized (lock) {
            generation++;
            pendingOpen = new OpenRequest(file, callbacks, generation);
            lastRequestNanos = System.nanoTime();
            pendingDecode = null;
            pendingHover = null;
            preEncodeQueue.remove(file);
            lock.notifyAll();
        }
    }

    /** Decodes {@code prompt} on the current image; replaces any click decode not yet started. */
    public void decode(Prompt prompt, Consumer<Prediction> onResult, Consumer<String> onError) {
        synchronized (lock) {
            pendingDecode = new DecodeRequest(prompt, onResult, onError, generation);
            lastRequestNanos = System.nanoTime();
            lock.notifyAll();
        }
    }

    /** Like {@link #decode} for the hover preview, in its own slot that never delays a click decode. */
    public void hover(Prompt prompt, Consumer<Prediction> onResult) {
        synchronized (lock) {
            pendingHover = new DecodeRequest(prompt, onResult, message -> { }, generation);
            lastRequestNanos = System.nanoTime();
            lock.notifyAll();
        }
    }

    /**
     * Cancels all work for the current image (e.g. when another folder is opened): pending open, decode and
     * hover requests are dropped, results still in flight never reach the UI, and the pre-encode queue is
     * cleared. The embedding is released by the next open (or by {@link #close()}).
     */
    public void cancelImage() {
        synchronized (lock) {
            generation++;
            pendingOpen = null;
            pendingDecode = null;
            pendingHover = null;
            preEncodeQueue.clear();
            lock.notifyAll();
        }
    }

    /** Replaces the queue of images to encode into the cache when nothing else is waiting. */
    public void preEncode(List<Path> files) {
        synchronized (lock) {
            preEncodeQueue.clear();
            if (cache != null) {
                preEncodeQueue.addAll(files);
            }
            lock.notifyAll();
        }
    }

    /**
     * Stops the threads and waits (up to 30 s) for the worker thread, which releases the embedding and, once
     * the pre-encoder has left its run, the model sessions. Callers on the UI thread should call this from a
     * background thread.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Runnable task = nextTask();
                if (task == null) {
                    break;
                }
                runGuarded(task);
            }
        } finally {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
            QuietCleanup.join(preEncoder);
            QuietCleanup.close(currentEmbedding);
            if (!preEncoder.isAlive()) {
                QuietCleanup.close(predictor); // else still encoding: leave the sessions to the process exit
            }
        }
    }

    /** Runs one task; a failure the task did not report itself goes to the status bar, the thread lives on. */
    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            String message = "Model error: " + describe(t);
            ui.execute(() -> statusListener.accept(new ModelStatus(
                    predictor == null ? ModelStatus.State.UNAVAILABLE : ModelStatus.State.READY, message)));
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }

    private Runnable nextTask() {
        synchronized (lock) {
            while (!closed && pendingOpen == null && pendingDecode == null && pendingHover == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
            if (closed) {
                return null;
            }
            if (pendingOpen != null) {
                OpenRequest open = pendingOpen;
                pendingOpen = null;
                return () -> openGuarded(open);
            }
            DecodeRequest request = pendingDecode != null ? pendingDecode : pendingHover;
            if (request == pendingDecode) {
                pendingDecode = null;
            } else {
                pendingHover = null;
            }
            return () -> decodeGuarded(request);
        }
    }

    private void runPreEncoder() {
        while (true) {
            Path next;
            synchronized (lock) {
                next = nextToPreEncode();
                if (closed) {
                    return;
                }
            }
            if (next != null) {
                try {
                    encoder.preEncode(predictor, next);
                } catch (Throwable t) {
                    // Pre-encoding is an optimisation; the failure shows up when the image is opened.
                } finally {
                    synchronized (lock) {
                        preEncoding = null;
                        lock.notifyAll();
                    }
                }
            }
        }
    }

    /** Waits (holding the lock) until idle with work queued; null when closed or woken to re-check. */
    private Path nextToPreEncode() {
        try {
            while (!closed) {
                long idleNanos = System.nanoTime() - lastRequestNanos;
                boolean busy = pendingOpen != null || pendingDecode != null || pendingHover != null;
                if (!preEncodeQueue.isEmpty() && predictor != null && !busy && idleNanos >= IDLE_MILLIS * 1_000_000) {
                    preEncoding = preEncodeQueue.poll();
                    return preEncoding;
                }
                lock.wait(preEncodeQueue.isEmpty() ? 0 : Math.max(50, IDLE_MILLIS - idleNanos / 1_000_000));
            }
        } catch (InterruptedException e) {
            closed = true;
        }
        return null;
    }

    private boolean isStale(long requestGeneration) {
        synchronized (lock) {
            return requestGeneration != generation || closed;
        }
    }

    /** Loads the model on first use, so the first image is shown before the model is ready. */
    private void ensurePredictor() {
        if (predictor == null && predictorError == null) {
            loadPredictor();
        }
    }

    private void loadPredictor() {
        ui.execute(() -> statusListener.accept(new ModelStatus(ModelStatus.State.LOADING, "Loading model...")));
        try {
            predictor = predictorSource.open();
            String id = predictor.modelId();
            ui.execute(() -> statusListener.accept(new ModelStatus(ModelStatus.State.READY, "Model " + id + " ready")));
        } catch (Exception | LinkageError e) {
            predictorError = "Model unavailable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            String message = predictorError;
            ui.execute(() -> statusListener.accept(new ModelStatus(ModelStatus.State.UNAVAILABLE, message)));
        }
    }

    private void openGuarded(OpenRequest request) {
        try {
            open(request);
        } catch (Throwable t) {
            String message = "Cannot open " + request.file().getFileName() + ": " + describe(t);
            dispatch(request.generation(), () -> request.callbacks().failed(message));
        }
    }

    private void decodeGuarded(DecodeRequest request) {
        try {
            decode(request);
        } catch (Throwable t) {
            String message = "Decoder failed: " + describe(t);
            dispatch(request.generation(), () -> request.onError().accept(message));
        }
    }

    /** Releases the previous image's embedding as soon as another image is opened. */
    private void releaseCurrentEmbedding() {
        QuietCleanup.close(currentEmbedding);
        currentEmbedding = null;
        currentGeneration = -1;
    }

    private void open(OpenRequest request) {
        releaseCurrentEmbedding();
        RgbImage image;
        try {
            image = ImageLoader.load(request.file());
        } catch (IOException | RuntimeException e) {
            String message = "Cannot open " + request.file().getFileName() + ": " + e.getMessage();
            dispatch(request.generation(), () -> request.callbacks().failed(message));
            return;
        }
        dispatch(request.generation(), () -> request.callbacks().loaded(image));
        if (!isStale(request.generation())) {
            ensurePredictor();
        }
        if (predictor == null || isStale(request.generation())) {
            if (predictor == null) {
                dispatch(request.generation(), () -> request.callbacks().failed(predictorError));
            }
            return;
        }
        try {
            long start = System.nanoTime();
            awaitPreEncoderOn(request.file(), request.generation());
            CachedEncoder.Encoded encoded = encoder.embeddingFor(predictor, request.file(), image);
            double millis = (System.nanoTime() - start) / 1e6;
            if (isStale(request.generation())) {
                encoded.embedding().close();
                return;
            }
            currentEmbedding = encoded.embedding();
            currentGeneration = request.generation();
            dispatch(request.generation(), () -> request.callbacks().ready(encoded.fromCache(), millis));
        } catch (RuntimeException e) {
            String message = "Cannot encode " + request.file().getFileName() + ": " + e.getMessage();
            dispatch(request.generation(), () -> request.callbacks().failed(message));
        }
    }

    /** When the pre-encoder is encoding {@code file} now, waits for it, so the cache has it (no second encode). */
    private void awaitPreEncoderOn(Path file, long requestGeneration) {
        synchronized (lock) {
            try {
                while (file.equals(preEncoding) && requestGeneration == generation && !closed) {
                    lock.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void decode(DecodeRequest request) {
        if (isStale(request.generation())) {
            return;
        }
        if (currentEmbedding == null || currentGeneration != request.generation()) {
            String message = predictor == null && predictorError != null ? predictorError
                    : "The image is not ready for prompts (it could not be read or encoded)";
            dispatch(request.generation(), () -> request.onError().accept(message));
            return;
        }
        try {
            Prediction prediction = predictor.predict(currentEmbedding, request.prompt());
            dispatch(request.generation(), () -> request.onResult().accept(prediction));
        } catch (RuntimeException e) {
            String message = "Decoder failed: " + e.getMessage();
            dispatch(request.generation(), () -> request.onError().accept(message));
        }
    }

    private void dispatch(long requestGeneration, Runnable callback) {
        ui.execute(() -> {
            if (!isStale(requestGeneration)) {
                callback.run();
            }
        });
    }
}
