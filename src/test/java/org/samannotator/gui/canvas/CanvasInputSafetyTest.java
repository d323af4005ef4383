package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;

/**
 * Canvas input that must not lose or freeze work, with the real SAM model: Enter followed at once by
 * Ctrl+Enter or D, clicks and boxes in the margins, a failing decoder, and opening another folder while
 * the old image is still being worked on.
 */
class CanvasInputSafetyTest {
    @TempDir
    Path root;

    private static ImagePoint discCentre(int index) {
        int[] c = SyntheticImages.discCentre(index);
        return new ImagePoint(c[0], c[1]);
    }

    @Test
    void nextImageRightAfterEnterKeepsTheObjectBeingAccepted() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3).openAndWait()) {
            h.canvas().click(discCentre(1), false, 6);
            h.canvas().accept();
            h.vm.nextImage(1);
            assertEquals("img1.png", h.canvas().currentFileProperty().get(), "D waits for the pending accept");
            h.ui.runUntil(() -> "img2.png".equals(h.canvas().currentFileProperty().get()), AnnotatorHarness.TIMEOUT,
                    "next image after the accept");
            var project = h.canvas().project().orElseThrow();
            assertEquals(1, project.image("img1.png").objects().size(), "the object was accepted, not lost");
            assertTrue(project.image("img1.png").candidate().isEmpty());
        }
    }

    @Test
    void markDoneAndNextAcceptsTheCandidateFirst() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3).openAndWait()) {
            h.canvas().click(discCentre(1), false, 6);
            h.canvas().accept();
            h.vm.markDoneAndNext();
            h.ui.runUntil(() -> "img2.png".equals(h.canvas().currentFileProperty().get()), AnnotatorHarness.TIMEOUT,
                    "next image");
            var project = h.canvas().project().orElseThrow();
            assertEquals(1, project.image("img1.png").objects().size());
            assertEquals(ImageStatus.DONE, project.image("img1.png").status());

            h.awaitReady();
            h.canvas().click(discCentre(2), false, 6);
            h.awaitDecoded();
            h.vm.markDoneAndNext();
            assertEquals("img3.png", h.canvas().currentFileProperty().get());
            assertEquals(1, project.image("img2.png").objects().size(), "a decoded candidate is accepted first");
            assertEquals(ImageStatus.DONE, project.image("img2.png").status());
        }
    }

    @Test
    void clicksInTheMarginsAreIgnoredAndBoxesAreClampedToTheImage() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 1).openAndWait()) {
            CanvasViewModel canvas = h.canvas();
            canvas.click(new ImagePoint(-3, 100), false, 6);
            canvas.click(new ImagePoint(640, 100), false, 6);
            canvas.click(new ImagePoint(100, 480.5), false, 6);
            assertTrue(canvas.candidate().isEmpty(), "clicks outside the 640x480 image do nothing");
            canvas.box(new Box(-80, -80, 1, 1));
            assertTrue(canvas.candidate().isEmpty(), "a box that is too small once clamped is ignored");
            canvas.box(new Box(-20, 400, 120, 700));
            h.awaitDecoded();
            assertEquals(new Box(0, 400, 120, 480), canvas.candidate().orElseThrow().prompts().box().orElseThrow());
        }
    }

    @Test
    void afterADecoderErrorEnterExplainsInsteadOfFreezingInput() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        AtomicReference<SamPredictor> loaded = new AtomicReference<>();
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = new MainViewModel(() -> {
            loaded.set(SamPredictor.load(TestModels.defaultModel()));
            return loaded.get();
        }, null, new RecentFolders(root.resolve("recent.txt")), ui)) {
            vm.openFolder(root.resolve("images"));
            CanvasViewModel canvas = vm.canvas();
            ui.runUntil(() -> canvas.imageStateProperty().get() == ImageState.READY, AnnotatorHarness.TIMEOUT, "ready");
            loaded.get().close(); // a real decoder failure: the sessions are gone
            canvas.click(discCentre(1), false, 6);
            ui.runUntil(() -> canvas.messageProperty().get().startsWith("Decoder failed"), AnnotatorHarness.TIMEOUT,
                    "decoder error shown");
            canvas.accept();
            assertTrue(canvas.messageProperty().get().contains("decoder failed"), canvas.messageProperty().get());
            canvas.click(new ImagePoint(50, 50), true, 6);
            assertEquals(2, canvas.candidate().orElseThrow().prompts().points().size(),
                    "the next click is applied at once, not held for an accept that cannot come");
            canvas.discard();
            assertTrue(canvas.candidate().isEmpty());
        }
    }

    @Test
    void openingAnotherFolderCancelsTheOldImagesWork() throws Exception {
        Path empty = root.resolve("empty");
        Files.createDirectories(empty);
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3).openAndWait()) {
            h.canvas().click(discCentre(1), false, 6);
            h.canvas().accept();
            h.vm.nextImage(1);
            assertTrue(h.vm.openFolder(empty));
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until) {
                h.ui.drain();
                Thread.sleep(20);
            }
            CanvasViewModel canvas = h.canvas();
            assertEquals(null, canvas.currentFileProperty().get());
            assertEquals(ImageState.NONE, canvas.imageStateProperty().get(), "no late callback of the old image");
            assertTrue(canvas.messageProperty().get().startsWith("No images in"), canvas.messageProperty().get());
            assertFalse(canvas.candidate().isPresent());
            assertTrue(canvas.project().orElseThrow().image("img1.png").objects().isEmpty(),
                    "nothing of the old folder lands in the new project");
        }
    }
}
