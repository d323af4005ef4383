package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.Segmentation;
import org.samannotator.core.segment.Segmenter;
import org.samannotator.core.segment.SegmenterSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the segmenter off the UI thread. One model thread (a single-thread executor over a priority queue)
 * serves, in this order: opening the current image (its pixels, subsampled when the longest side is 4096
 * or more, see {@link ImageLoader#readReduced}, then its encoding from the cache or the encoder), the newest prompt decode, the newest hover decode, then background jobs. Decode and hover
 * requests are latest-wins: a newer request cancels the waiting one. A second, low-priority thread
 * ({@link PreEncoder}) encodes the next images into the embedding cache when the user is idle.
 *
 * <p>Results are {@link CompletableFuture}s completed on the model thread; the session moves them to its
 * own thread. Opening another image (or {@link #cancelImage}) makes every earlier request stale: its future
 * is cancelled and the previous encoding released.
 */
public final class SegmenterWorker implements AutoCloseable {
    static final long PREPARE_MASK_DELAY_MILLIS = 400;
    private static final Logger LOG = LoggerFactory.getLogger(SegmenterWorker.class);

    /** An image being opened: its pixels first (with any problem reading them), then whether its encoding came from the cache. */
    public record Opening(CompletableFuture<LoadedImage> pixels, CompletableFuture<Boolean> ready) {
    }

    private final ThreadPoolExecutor modelThread;
    private final ModelHolder model;
    private final EmbeddingStore embeddings;
    private final PreEncoder preEncoder;
    private final AtomicLong generation = new AtomicLong();
    private final LatestWins<DecodeRequest, Segmentation> decodes = new LatestWins<>();
    private final LatestWins<DecodeRequest, Segmentation> hovers = new LatestWins<>();
    /** Owned by the model thread. */
    private EncodedImage current;
    private long currentGeneration = -1;

    /** {@code cache} may be null (no on-disk cache); {@code status} is called on the model thread. */
    public SegmenterWorker(SegmenterSource source, EmbeddingCache cache, Consumer<ModelStatus> status) {
        this.model = new ModelHolder(source, status);
        this.embeddings = new EmbeddingStore(cache);
        this.modelThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                DaemonThreads.named("sam-model-worker", Thread.NORM_PRIORITY - 1));
        this.preEncoder = new PreEncoder(model, embeddings);
    }

    /** Opens {@code file} as the current image; earlier opens and decodes become stale. */
    public Opening open(Path file) {
        long requestGeneration = generation.incrementAndGet();
        decodes.cancel();
        hovers.cancel();
        preEncoder.noteActivity();
        Opening opening = new Opening(new CompletableFuture<>(), new CompletableFuture<>());
        submit(ModelTask.Priority.OPEN_IMAGE, () -> openNow(file, requestGeneration, opening));
        return opening;
    }

    /** Decodes {@code prompt} on the current image; cancels a decode request still waiting. */
    public CompletableFuture<Segmentation> decode(Prompt prompt) {
        preEncoder.noteActivity();
        CompletableFuture<Segmentation> result = decodes.offer(new DecodeRequest(prompt, generation.get()));
        submit(ModelTask.Priority.DECODE, () -> decodes.runNewest(this::decodeNow));
        return result;
    }

    /** Like {@link #decode} for the hover preview, in its own slot that never delays a prompt decode. */
    public CompletableFuture<Segmentation> hover(Prompt prompt) {
        preEncoder.noteActivity();
        CompletableFuture<Segmentation> result = hovers.offer(new DecodeRequest(prompt, generation.get()));
        submit(ModelTask.Priority.HOVER, () -> hovers.runNewest(this::decodeNow));
        return result;
    }

    /**
     * Runs {@code job} on the model thread after every waiting open, decode and hover request, with the
     * segmenter and the current image's encoding. A long job should be split into several calls so the
     * user's decodes run in between. Fails when the image is no longer current.
     */
    public <T> CompletableFuture<T> background(BiFunction<Segmenter, EncodedImage, T> job) {
        long requestGeneration = generation.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(ModelTask.Priority.BACKGROUND, () -> {
            try {
                result.complete(job.apply(model.segmenter(), currentEncoding(requestGeneration)));
            } catch (RuntimeException | LinkageError e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Runs {@code job} with the segmenter on the model thread at the background priority, for work on an
     * image that is not the current one (pre-annotating a folder: the job decodes on its own encoding).
     */
    public <T> CompletableFuture<T> backgroundWith(java.util.function.Function<Segmenter, T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(ModelTask.Priority.BACKGROUND, () -> {
            try {
                result.complete(job.apply(model.segmenter()));
            } catch (RuntimeException | LinkageError e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * The encoding of {@code copy} (the pixels of {@code file}, full resolution or reduced, of full size
     * {@code originalSize}) for background work, from the embedding cache or else encoded on the CALLING
     * thread once the user has been idle for a moment (as the pre-encoder does), so an encode rarely competes
     * with a click. The caller owns (closes) it.
     */
    public EncodedImage encodeForBackground(Path file, RgbImage copy, Size originalSize,
            java.util.function.BooleanSupplier cancelled) {
        Segmenter segmenter = backgroundWith(s -> s).join();
        preEncoder.awaitInFlight(file);
        java.util.Optional<EncodedImage> cached = embeddings.cached(segmenter, file, originalSize);
        if (cached.isPresent()) {
            return cached.get();
        }
        preEncoder.awaitIdle(cancelled);
        return embeddings.encodingFor(segmenter, file, copy, originalSize).image();
    }

    /**
     * Computes {@code view}'s full-size mask on the model thread once the user has left it alone for
     * {@value #PREPARE_MASK_DELAY_MILLIS} ms, after any waiting request: the candidate is shown from its
     * logits at screen resolution, and accepting it then finds its full mask ready.
     */
    public void prepareMask(MaskView view) {
        // Runnable::run: the delay's own scheduler thread only queues the task. Without an executor the delay
        // runs on the default async pool, which on 2 cores (common pool parallelism 1) starts a new thread
        // for every task: a thread per decoded candidate (found by the soak's thread journal).
        CompletableFuture.delayedExecutor(PREPARE_MASK_DELAY_MILLIS, TimeUnit.MILLISECONDS, Runnable::run)
                .execute(() -> submit(ModelTask.Priority.BACKGROUND, view::mask));
    }

    /** Cancels all work for the current image (another folder is opened) and the pre-encode queue. */
    public void cancelImage() {
        generation.incrementAndGet();
        decodes.cancel();
        hovers.cancel();
        preEncoder.replaceQueue(List.of());
        submit(ModelTask.Priority.OPEN_IMAGE, this::releaseCurrent);
    }

    /** Replaces the queue of images to encode into the cache when the user is idle. */
    public void preEncode(List<Path> files) {
        preEncoder.replaceQueue(embeddings.hasCache() ? files : List.of());
    }

    private void submit(ModelTask.Priority priority, Runnable body) {
        if (!modelThread.isShutdown()) {
            modelThread.execute(new ModelTask(priority, () -> runLogged(body)));
        }
    }

    private static void runLogged(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Model task failed", e);
        }
    }

    private void openNow(Path file, long requestGeneration, Opening opening) {
        releaseCurrent();
        if (isStale(requestGeneration, opening)) {
            return;
        }
        LoadedImage loaded;
        try {
            // One decode serves the display overview and the encoder: full resolution below 4096 pixels on
            // the longest side, else a subsampled copy (the canvas decodes visible detail on its own).
            loaded = ImageLoader.readReduced(file, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE);
        } catch (Exception e) {
            LOG.warn("Cannot open {}", file, e);
            failBoth(opening, new SessionException("Cannot open " + file.getFileName() + ": " + e.getMessage(), e));
            return;
        }
        opening.pixels().complete(loaded);
        RgbImage image = loaded.image();
        try {
            Segmenter segmenter = model.segmenter();
            if (isStale(requestGeneration, opening)) {
                return;
            }
            preEncoder.awaitInFlight(file);
            EmbeddingStore.Encoded encoded = embeddings.encodingFor(segmenter, file, image, loaded.originalSize());
            if (isStale(requestGeneration, opening)) {
                encoded.image().close();
                return;
            }
            current = encoded.image();
            currentGeneration = requestGeneration;
            opening.ready().complete(encoded.fromCache());
        } catch (RuntimeException e) {
            LOG.warn("Cannot encode {}", file, e);
            opening.ready().completeExceptionally(e instanceof SessionException ? e
                    : new SessionException("Cannot encode " + file.getFileName() + ": " + e.getMessage(), e));
        }
    }

    private boolean isStale(long requestGeneration, Opening opening) {
        if (requestGeneration == generation.get() && !modelThread.isShutdown()) {
            return false;
        }
        opening.pixels().cancel(false);
        opening.ready().cancel(false);
        return true;
    }

    private static void failBoth(Opening opening, RuntimeException e) {
        opening.pixels().completeExceptionally(e);
        opening.ready().completeExceptionally(e);
    }

    /** A prompt to decode on the image that was current (its generation) when it was asked for. */
    private record DecodeRequest(Prompt prompt, long generation) {
    }

    private Segmentation decodeNow(DecodeRequest request) {
        return model.segmenter().decode(currentEncoding(request.generation()), request.prompt());
    }

    private EncodedImage currentEncoding(long requestGeneration) {
        if (requestGeneration != generation.get()) {
            throw new java.util.concurrent.CancellationException("the image is no longer current");
        }
        if (current == null || currentGeneration != requestGeneration) {
            throw new SessionException(model.failure().orElse(
                    "The image is not ready for prompts (it could not be read or encoded)"));
        }
        return current;
    }

    private void releaseCurrent() {
        if (current != null) {
            current.close();
            current = null;
            currentGeneration = -1;
        }
    }

    /**
     * Stops the threads, waiting (up to 30 s) for the model thread to release the encoding and the model.
     * Callers on the UI thread should call this from a background thread.
     */
    @Override
    public void close() {
        generation.incrementAndGet();
        decodes.cancel();
        hovers.cancel();
        preEncoder.close();
        submit(ModelTask.Priority.OPEN_IMAGE, this::releaseCurrent);
        modelThread.shutdown();
        try {
            if (!modelThread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The model thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        model.close(preEncoder.isTerminated());
    }
}
