package org.samannotator.core.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.ObjectProposer;
import org.samannotator.core.segment.ProposedObject;

/**
 * Runs the {@link ObjectProposer} off the session thread, on a thread of its own: the proposer's bookkeeping
 * (filters, NMS) runs there, and each batch of point prompts is queued on the {@link SegmenterWorker}'s model
 * thread as a background job, behind every open, decode and hover request, so the user's clicks go first
 * and wait at most for one batch. One run at a time; results come back as futures.
 */
final class Preannotator implements AutoCloseable {
    private final SegmenterWorker worker;
    private final ObjectProposer proposer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            DaemonThreads.named("sam-preannotate", Thread.MIN_PRIORITY));

    Preannotator(SegmenterWorker worker, ObjectProposer proposer) {
        this.worker = worker;
        this.proposer = proposer;
    }

    /** Objects of the current image, decoded on its encoding (fails with a CancellationException when it changes). */
    CompletableFuture<List<ProposedObject>> currentImage(Size size, ObjectProposer.Progress progress,
            BooleanSupplier cancelled) {
        return CompletableFuture.supplyAsync(() -> proposer.propose(size,
                points -> await(worker.background((segmenter, encoding) -> segmenter.decodePoints(encoding, points)),
                        cancelled), progress, cancelled), thread);
    }

    /** Objects of another image of the folder: read, its encoding from the cache or the encoder, then proposed. */
    CompletableFuture<List<ProposedObject>> file(Path file, ObjectProposer.Progress progress, BooleanSupplier cancelled) {
        return CompletableFuture.supplyAsync(() -> {
            LoadedImage image;
            try {
                // the same copy the app encodes when the image is opened (so the cached encoding is the same)
                image = ImageLoader.readReduced(file, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE);
            } catch (ImageLoadException e) {
                throw new CompletionException(e);
            }
            try (EncodedImage encoding = worker.encodeForBackground(file, image.image(), image.originalSize(),
                    cancelled)) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("pre-annotation cancelled");
                }
                return proposer.propose(image.originalSize(), points -> await(worker.backgroundWith(
                        segmenter -> segmenter.decodePoints(encoding, points)), cancelled), progress, cancelled);
            }
        }, thread);
    }

    /** Waits for a batch on the model thread; gives up when cancelled (e.g. the worker was closed). */
    private static <T> T await(CompletableFuture<T> batch, BooleanSupplier cancelled) {
        while (true) {
            try {
                return batch.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    batch.cancel(false);
                    throw new CancellationException("pre-annotation cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException c) {
                    throw c;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
