package org.samannotator.gui.folder;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.cache.LruMemoryCache;
import org.samannotator.core.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads thumbnails for the folder panel's cells on one background thread of the lowest priority (so it never
 * competes with the model thread): the most recent request first (the rows on screen now), at most
 * {@value #MAX_PENDING} waiting (older ones are dropped; a cell asks again when it is shown again), and a
 * request is dropped when its cell shows another image before it ran. Images are kept in a memory LRU
 * bounded by bytes; callbacks run on the UI executor. An image whose thumbnail cannot be made is remembered
 * and reported as empty, without trying again.
 */
public final class ThumbnailLoader implements AutoCloseable {
    /** Makes a thumbnail (e.g. {@code ThumbnailCache::thumbnail}); runs on the loader thread. */
    @FunctionalInterface
    public interface Source {
        RgbImage thumbnail(Path image) throws Exception;
    }

    /** A request; {@link #cancel()} drops it if it has not run yet. */
    public static final class Request {
        private final Path file;
        private final Consumer<Optional<Image>> onReady;
        private volatile boolean cancelled;

        private Request(Path file, Consumer<Optional<Image>> onReady) {
            this.file = file;
            this.onReady = onReady;
        }

        public void cancel() {
            cancelled = true;
        }
    }

    static final int MAX_PENDING = 256;
    private static final long MEMORY_BYTES = 48L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailLoader.class);

    private final Source source;
    private final Executor ui;
    private final BlockingDeque<Request> pending = new LinkedBlockingDeque<>();
    private final LruMemoryCache<Path, Image> memory = new LruMemoryCache<>(MEMORY_BYTES,
            image -> 4L * (long) image.getWidth() * (long) image.getHeight(), (file, image) -> { });
    private final Set<Path> failed = java.util.Collections.synchronizedSet(new HashSet<>());
    private final Thread worker;
    private volatile boolean closed;

    public ThumbnailLoader(Source source, Executor ui) {
        this.source = source;
        this.ui = ui;
        this.worker = new Thread(this::run, "thumbnails");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    /** The thumbnail if it is in memory now (checked on the UI thread, no waiting). */
    public Optional<Image> cached(Path file) {
        return memory.get(file);
    }

    /** True when the thumbnail of {@code file} could not be made. */
    public boolean failed(Path file) {
        return failed.contains(file);
    }

    /** Asks for the thumbnail of {@code file}; {@code onReady} gets it (empty if unreadable) on the UI executor. */
    public Request request(Path file, Consumer<Optional<Image>> onReady) {
        Request request = new Request(file, onReady);
        pending.offerFirst(request);
        while (pending.size() > MAX_PENDING) {
            Request dropped = pending.pollLast();
            if (dropped != null) {
                dropped.cancel();
            }
        }
        return request;
    }

    private void run() {
        while (!closed) {
            Request next;
            try {
                next = pending.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            if (!next.cancelled) {
                Optional<Image> image = load(next.file);
                ui.execute(() -> {
                    if (!next.cancelled) {
                        next.onReady.accept(image);
                    }
                });
            }
        }
    }

    private Optional<Image> load(Path file) {
        Optional<Image> known = memory.get(file);
        if (known.isPresent() || failed.contains(file)) {
            return known;
        }
        try {
            Image image = toImage(source.thumbnail(file));
            memory.put(file, image);
            return Optional.of(image);
        } catch (Exception | OutOfMemoryError e) {
            LOG.debug("No thumbnail for {}", file, e);
            failed.add(file);
            return Optional.empty();
        }
    }

    private static Image toImage(RgbImage rgb) {
        WritableImage image = new WritableImage(rgb.width(), rgb.height());
        image.getPixelWriter().setPixels(0, 0, rgb.width(), rgb.height(), PixelFormat.getIntArgbInstance(),
                rgb.argb(), 0, rgb.width());
        return image;
    }

    /** Forgets what is waiting and what is in memory (another folder was opened). */
    public void clear() {
        pending.forEach(Request::cancel);
        pending.clear();
        memory.clear();
        failed.clear();
    }

    @Override
    public void close() {
        closed = true;
        clear();
        worker.interrupt();
    }
}
