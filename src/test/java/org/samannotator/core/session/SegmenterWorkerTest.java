package org.samannotator.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.segment.Segmentation;
import org.samannotator.gui.SyntheticImages;

/** The model thread's scheduling with the fake segmenter: stale opens, latest-wins, priorities, pre-encoding, failures. */
class SegmenterWorkerTest {
    @TempDir
    Path root;

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static Prompt point(double x, double y) {
        return Prompt.ofPoints(List.of(PromptPoint.foreground(x, y)));
    }

    @Test
    void aNewOpenCancelsTheStaleOneAndDecodesAreLatestWins() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        FakeSegmenter fake = new FakeSegmenter();
        try (SegmenterWorker worker = new SegmenterWorker(() -> fake, null, s -> { })) {
            SegmenterWorker.Opening stale = worker.open(root.resolve("images").resolve(files.get(0)));
            SegmenterWorker.Opening current = worker.open(root.resolve("images").resolve(files.get(1)));
            assertFalse(await(current.ready()), "encoded, not from a cache");
            assertTrue(stale.ready().isCancelled(), "the stale open never reports ready");
            assertEquals(new Size(640, 480), await(current.pixels()).image().size());

            fake.holdDecodes();
            int[] c = SyntheticImages.discCentre(2);
            CompletableFuture<Segmentation> first = worker.decode(point(c[0], c[1]));
            List<CompletableFuture<Segmentation>> replaced = new ArrayList<>();
            Thread.sleep(100); // the first decode is running (held) on the model thread
            for (int i = 0; i < 5; i++) {
                replaced.add(worker.decode(point(c[0] - 30 + 10 * i, c[1])));
            }
            CompletableFuture<Segmentation> last = worker.decode(point(c[0], c[1] + 5));
            fake.releaseAllDecodes();
            assertTrue(await(first).first().mask().area() > 0);
            assertTrue(await(last).first().mask().area() > 0);
            for (CompletableFuture<Segmentation> r : replaced) {
                assertThrows(CancellationException.class, () -> await(r), "a replaced request is cancelled");
            }
            assertEquals(2, fake.decodes.get(), "only the running and the newest decode ran");
            assertTrue(fake.decodeThreads.stream().allMatch("sam-model-worker"::equals));
        }
    }

    @Test
    void userDecodesRunBeforeWaitingBackgroundJobs() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 1);
        FakeSegmenter fake = new FakeSegmenter();
        try (SegmenterWorker worker = new SegmenterWorker(() -> fake, null, s -> { })) {
            await(worker.open(root.resolve("images").resolve(files.get(0))).ready());
            List<String> order = new ArrayList<>();
            fake.holdDecodes();
            CompletableFuture<Segmentation> running = worker.decode(point(10, 10));
            Thread.sleep(100);
            CompletableFuture<String> job = worker.background((segmenter, image) -> {
                synchronized (order) {
                    order.add("background");
                }
                return "done";
            });
            CompletableFuture<Segmentation> click = worker.decode(point(20, 20)).whenComplete((s, e) -> {
                synchronized (order) {
                    order.add("click");
                }
            });
            fake.releaseAllDecodes();
            await(running);
            await(click);
            assertEquals("done", await(job));
            assertEquals(List.of("click", "background"), order);
        }
    }

    @Test
    void theNextImagesArePreEncodedIntoTheCacheWhenIdle() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        Path first = root.resolve("images").resolve(files.get(0));
        Path second = root.resolve("images").resolve(files.get(1));
        EmbeddingCache cache = new EmbeddingCache(root.resolve("cache"), EmbeddingCache.DEFAULT_MAX_BYTES);
        FakeSegmenter fake = new FakeSegmenter();
        try (SegmenterWorker worker = new SegmenterWorker(() -> fake, cache, s -> { })) {
            await(worker.open(first).ready());
            worker.preEncode(List.of(second));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cache.get(FakeSegmenter.MODEL_ID, EmbeddingCache.hashFile(second), new Size(640, 480)).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "pre-encoded embedding in the cache");
                Thread.sleep(50);
            }
            assertEquals(2, fake.encodes.get());
            assertTrue(await(worker.open(second).ready()), "the second image comes from the cache");
            assertEquals(2, fake.encodes.get(), "no second encode");
            RgbImage pixels = await(worker.open(second).pixels()).image();
            assertTrue(await(worker.decode(point(170, 210))).first().mask().area() > 0, "restored encoding decodes");
            assertEquals(new Size(640, 480), pixels.size());
        }
    }

    @Test
    void aBrokenModelIsReportedForEveryImageAndTheWorkerKeepsServing() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        List<ModelStatus> statuses = new ArrayList<>();
        try (SegmenterWorker worker = new SegmenterWorker(() -> {
            throw new IllegalStateException("broken model loader");
        }, null, statuses::add)) {
            for (String file : files) {
                SegmenterWorker.Opening opening = worker.open(root.resolve("images").resolve(file));
                assertEquals(new Size(640, 480), await(opening.pixels()).image().size(), "the image is still shown");
                ExecutionException e = assertThrows(ExecutionException.class, () -> await(opening.ready()));
                assertTrue(e.getCause().getMessage().contains("broken model loader"), e.getCause().getMessage());
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(worker.decode(point(1, 1))));
            assertTrue(e.getCause().getMessage().contains("broken model loader"));
        }
        assertEquals(ModelStatus.State.UNAVAILABLE, statuses.get(statuses.size() - 1).state());
    }

    @Test
    void anUnreadableImageFailsItsOpenAndADecodeSaysTheImageIsNotReady() throws Exception {
        Path broken = root.resolve("broken.png");
        Files.writeString(broken, "not an image");
        try (SegmenterWorker worker = new SegmenterWorker(FakeSegmenter::new, null, s -> { })) {
            SegmenterWorker.Opening opening = worker.open(broken);
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(opening.pixels()));
            assertTrue(e.getCause().getMessage().startsWith("Cannot open broken.png"), e.getCause().getMessage());
            ExecutionException d = assertThrows(ExecutionException.class, () -> await(worker.decode(point(1, 1))));
            assertTrue(d.getCause().getMessage().contains("not ready"), d.getCause().getMessage());
        }
    }

    @Test
    void cancelImageCancelsItsWorkAndReleasesTheEncoding() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 1);
        FakeSegmenter fake = new FakeSegmenter();
        try (SegmenterWorker worker = new SegmenterWorker(() -> fake, null, s -> { })) {
            await(worker.open(root.resolve("images").resolve(files.get(0))).ready());
            fake.holdDecodes();
            CompletableFuture<Segmentation> running = worker.decode(point(5, 5));
            Thread.sleep(100);
            CompletableFuture<Segmentation> waiting = worker.decode(point(6, 6));
            worker.cancelImage();
            fake.releaseAllDecodes();
            assertTrue(waiting.isCompletedExceptionally());
            await(running);
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(worker.decode(point(7, 7))));
            assertTrue(e.getCause().getMessage().contains("not ready"), e.getCause().getMessage());
            assertTrue(await(worker.open(root.resolve("images").resolve(files.get(0))).pixels()) != null,
                    "the worker serves the next open");
        }
        assertTrue(fake.isClosed(), "closing the worker closes the model");
    }

    @Test
    void preparingMasksStartsNoThreadPerCandidate() throws Exception {
        FakeSegmenter fake = new FakeSegmenter();
        int candidates = 20;
        java.util.concurrent.CountDownLatch prepared = new java.util.concurrent.CountDownLatch(candidates);
        org.samannotator.core.mask.BitMask empty = new org.samannotator.core.mask.BitMask(new Size(8, 8));
        try (SegmenterWorker worker = new SegmenterWorker(() -> fake, null, s -> { })) {
            worker.prepareMask(org.samannotator.core.mask.MaskView.deferred(new Size(8, 8), () -> empty));
            Thread.sleep(2 * SegmenterWorker.PREPARE_MASK_DELAY_MILLIS); // threads started once are not counted
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long startedBefore = threads.getTotalStartedThreadCount();
            for (int i = 0; i < candidates; i++) {
                worker.prepareMask(org.samannotator.core.mask.MaskView.deferred(new Size(8, 8), () -> {
                    prepared.countDown();
                    return empty;
                }));
            }
            assertTrue(prepared.await(30, TimeUnit.SECONDS), "every mask prepared on the model thread");
            long started = threads.getTotalStartedThreadCount() - startedBefore;
            assertTrue(started < candidates / 2, started + " threads started for " + candidates + " candidates");
        }
    }
}
