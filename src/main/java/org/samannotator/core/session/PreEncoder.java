package org.samannotator.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.samannotator.core.segment.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the next images of the folder into the embedding cache on a low-priority thread, one at a time
 * and only after {@value #IDLE_MILLIS} ms without user requests, so an encode rarely competes with a click.
 * Opening an image that is being pre-encoded waits for that encode ({@link #awaitInFlight}) instead of
 * encoding it twice. A failure is logged; the image reports it itself when opened.
 */
final class PreEncoder implements AutoCloseable {
    static final long IDLE_MILLIS = 1500;
    private static final Logger LOG = LoggerFactory.getLogger(PreEncoder.class);

    private final ModelHolder model;
    private final EmbeddingStore embeddings;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
            DaemonThreads.named("sam-pre-encoder", Thread.MIN_PRIORITY));
    private final Deque<Path> queue = new ArrayDeque<>();
    private volatile long lastActivityNanos = System.nanoTime();
    /** The file being encoded now and its completion; guarded by this. */
    private Path inFlight;
    private CompletableFuture<Void> inFlightDone = CompletableFuture.completedFuture(null);
    private boolean scheduled;

    PreEncoder(ModelHolder model, EmbeddingStore embeddings) {
        this.model = model;
        this.embeddings = embeddings;
    }

    /** A user request arrived: pre-encoding waits for the next idle period. */
    void noteActivity() {
        lastActivityNanos = System.nanoTime();
    }

    /** Blocks the calling thread until no user request arrived for {@value #IDLE_MILLIS} ms, or {@code cancelled}. */
    void awaitIdle(java.util.function.BooleanSupplier cancelled) {
        while (!cancelled.getAsBoolean() && (System.nanoTime() - lastActivityNanos) / 1_000_000 < IDLE_MILLIS) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void replaceQueue(List<Path> files) {
        queue.clear();
        queue.addAll(files);
        scheduleNext(IDLE_MILLIS);
    }

    /** Waits (at most 30 s) while {@code file} is being pre-encoded, so its encoding is then in the cache. */
    void awaitInFlight(Path file) {
        CompletableFuture<Void> done;
        synchronized (this) {
            queue.remove(file);
            done = file.equals(inFlight) ? inFlightDone : null;
        }
        if (done != null) {
            try {
                done.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.warn("Waiting for the pre-encode of {} failed: {}", file, e.toString());
            }
        }
    }

    private synchronized void scheduleNext(long delayMillis) {
        if (!scheduled && !queue.isEmpty() && !thread.isShutdown()) {
            scheduled = true;
            thread.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        Path next;
        synchronized (this) {
            scheduled = false;
            long idleMillis = (System.nanoTime() - lastActivityNanos) / 1_000_000;
            if (idleMillis < IDLE_MILLIS || model.loaded().isEmpty()) {
                scheduleNext(Math.max(50, IDLE_MILLIS - idleMillis));
                return;
            }
            next = queue.poll();
            if (next == null) {
                return;
            }
            inFlight = next;
            inFlightDone = new CompletableFuture<>();
        }
        encode(model.loaded().orElseThrow(), next);
    }

    private void encode(Segmenter segmenter, Path file) {
        try {
            embeddings.preEncode(segmenter, file);
        } catch (IOException | RuntimeException e) {
            LOG.info("Pre-encoding {} failed (it reports itself when opened): {}", file, e.toString());
        } finally {
            CompletableFuture<Void> done;
            synchronized (this) {
                done = inFlightDone;
                inFlight = null;
            }
            done.complete(null);
            scheduleNext(0);
        }
    }

    boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void close() {
        synchronized (this) {
            queue.clear();
        }
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
