package org.samannotator.gui.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;

/** The model worker with the real model: stale opens are cancelled, decodes are latest-wins, pre-encoding fills the cache. */
class ModelWorkerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path root;

    /** Records the callbacks of one open. */
    private static final class Recorder implements ImageCallbacks {
        final List<String> events = new ArrayList<>();

        @Override
        public void loaded(RgbImage image) {
            events.add("loaded");
        }

        @Override
        public void ready(boolean fromCache, double encoderMillis) {
            events.add(fromCache ? "ready-cached" : "ready");
        }

        @Override
        public void failed(String message) {
            events.add("failed " + message);
        }
    }

    @Test
    void aNewOpenCancelsTheStaleOneAndDecodesAreLatestWins() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        QueueExecutor ui = new QueueExecutor();
        EmbeddingCache cache = new EmbeddingCache(root.resolve("cache"), EmbeddingCache.DEFAULT_MAX_BYTES);
        try (ModelWorker worker = new ModelWorker(() -> SamPredictor.load(TestModels.defaultModel()), cache, ui,
                status -> { })) {
            Recorder stale = new Recorder();
            Recorder current = new Recorder();
            worker.openImage(root.resolve("images").resolve(files.get(0)), stale);
            worker.openImage(root.resolve("images").resolve(files.get(1)), current);
            ui.runUntil(() -> current.events.contains("ready"), TIMEOUT, "second image ready");
            assertEquals(List.of(), stale.events, "no callback of the cancelled open reaches the UI");
            assertEquals(List.of("loaded", "ready"), current.events);

            List<Prediction> results = new ArrayList<>();
            int[] c = SyntheticImages.discCentre(2);
            for (int i = 0; i < 6; i++) {
                worker.decode(Prompt.ofPoints(List.of(PromptPoint.foreground(c[0] - 30 + 10 * i, c[1]))),
                        results::add, message -> { throw new AssertionError(message); });
            }
            Prediction[] last = new Prediction[1];
            worker.decode(Prompt.ofPoints(List.of(PromptPoint.foreground(c[0], c[1]))), p -> last[0] = p, m -> { });
            ui.runUntil(() -> last[0] != null, TIMEOUT, "newest decode");
            assertTrue(results.size() < 6, "intermediate requests were dropped, got " + results.size());
        }
    }

    @Test
    void theNextImagesArePreEncodedIntoTheCacheWhenIdle() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        Path first = root.resolve("images").resolve(files.get(0));
        Path second = root.resolve("images").resolve(files.get(1));
        QueueExecutor ui = new QueueExecutor();
        EmbeddingCache cache = new EmbeddingCache(root.resolve("cache"), EmbeddingCache.DEFAULT_MAX_BYTES);
        try (ModelWorker worker = new ModelWorker(() -> SamPredictor.load(TestModels.defaultModel()), cache, ui,
                status -> { })) {
            Recorder opened = new Recorder();
            worker.openImage(first, opened);
            ui.runUntil(() -> opened.events.contains("ready"), TIMEOUT, "first image ready");
            worker.preEncode(List.of(second));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (cache.get(TestModels.defaultModel().id(), EmbeddingCache.hashFile(second),
                    new org.samannotator.core.geometry.Size(640, 480)).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "pre-encoded embedding in the cache");
                Thread.sleep(100);
            }
            Recorder next = new Recorder();
            worker.openImage(second, next);
            ui.runUntil(() -> next.events.size() == 2, TIMEOUT, "second image ready");
            assertEquals(List.of("loaded", "ready-cached"), next.events);
        }
    }

    @Test
    void anErrorThrownByTheModelIsReportedAndTheWorkerKeepsServing() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 2);
        QueueExecutor ui = new QueueExecutor();
        List<ModelStatus> statuses = new ArrayList<>();
        try (ModelWorker worker = new ModelWorker(() -> {
            throw new AssertionError("broken model loader");
        }, null, ui, statuses::add)) {
            for (String file : files) {
                Recorder opened = new Recorder();
                worker.openImage(root.resolve("images").resolve(file), opened);
                ui.runUntil(() -> opened.events.size() == 2, TIMEOUT, "open of " + file + " answered");
                assertEquals("loaded", opened.events.get(0));
                assertTrue(opened.events.get(1).startsWith("failed") && opened.events.get(1).contains("broken model"),
                        opened.events.get(1));
            }
        }
    }

    @Test
    void aDecodeWithoutAReadyImageCallsOnError() throws Exception {
        Path broken = root.resolve("broken.png");
        java.nio.file.Files.writeString(broken, "not an image");
        QueueExecutor ui = new QueueExecutor();
        try (ModelWorker worker = new ModelWorker(() -> {
            throw new IllegalStateException("no model needed");
        }, null, ui, status -> { })) {
            Recorder opened = new Recorder();
            worker.openImage(broken, opened);
            ui.runUntil(() -> !opened.events.isEmpty(), TIMEOUT, "open failed");
            List<String> errors = new ArrayList<>();
            worker.decode(Prompt.ofPoints(List.of(PromptPoint.foreground(1, 1))),
                    p -> errors.add("unexpected result"), errors::add);
            ui.runUntil(() -> !errors.isEmpty(), TIMEOUT, "decode answered");
            assertTrue(errors.get(0).contains("not ready"), errors.get(0));
        }
    }

    @Test
    void cancelImageKeepsEveryCallbackOfTheCancelledImageFromTheUi() throws Exception {
        List<String> files = SyntheticImages.writeFolder(root.resolve("images"), 1);
        QueueExecutor ui = new QueueExecutor();
        try (ModelWorker worker = new ModelWorker(() -> {
            throw new IllegalStateException("no model");
        }, null, ui, status -> { })) {
            Recorder cancelled = new Recorder();
            worker.openImage(root.resolve("images").resolve(files.get(0)), cancelled);
            worker.cancelImage();
            Thread.sleep(500);
            ui.drain();
            assertEquals(List.of(), cancelled.events);
            Recorder next = new Recorder();
            worker.openImage(root.resolve("images").resolve(files.get(0)), next);
            ui.runUntil(() -> next.events.size() == 2, TIMEOUT, "the worker serves the next open");
        }
    }
}
