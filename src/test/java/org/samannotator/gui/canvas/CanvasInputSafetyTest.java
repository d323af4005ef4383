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
import org.samannotator.core.session.ImageState;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;

/**
 * Canvas input that must not lose or freeze work (fake segmenter): Enter followed at once by
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
            h.vm.accept();
            h.vm.nextImage(1);
            assertEquals("img1.png", h.vm.folder().currentFileProperty().get(), "D waits for the pending accept");
            h.ui.runUntil(() -> "img2.png".equals(h.vm.folder().currentFileProperty().get()), AnnotatorHarness.TIMEOUT,
                    "next image after the accept");
            var project = h.vm.session().project().orElseThrow();
            assertEquals(1, project.image("img1.png").objects().size(), "the object was accepted, not lost");
            assertTrue(project.image("img1.png").candidate().isEmpty());
        }
    }

    @Test
    void markDoneAndNextAcceptsTheCandidateFirst() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3).openAndWait()) {
            h.canvas().click(discCentre(1), false, 6);
            h.vm.accept();
            h.vm.markDoneAndNext();
            h.ui.runUntil(() -> "img2.png".equals(h.vm.folder().currentFileProperty().get()), AnnotatorHarness.TIMEOUT,
                    "next image");
            var project = h.vm.session().project().orElseThrow();
            assertEquals(1, project.image("img1.png").objects().size());
            assertEquals(ImageStatus.DONE, project.image("img1.png").status());

            h.awaitReady();
            h.canvas().click(discCentre(2), false, 6);
            h.awaitDecoded();
            h.vm.markDoneAndNext();
            assertEquals("img3.png", h.vm.folder().currentFileProperty().get());
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
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 1).openAndWait()) {
            CanvasViewModel canvas = h.canvas();
            h.fake.failDecodes(true);
            canvas.click(discCentre(1), false, 6);
            h.ui.runUntil(() -> h.vm.status().activityProperty().get().startsWith("Decoder failed"),
                    AnnotatorHarness.TIMEOUT, "decoder error shown");
            h.vm.accept();
            String message = h.vm.status().activityProperty().get();
            assertTrue(message.contains("decoder failed"), message);
            canvas.click(new ImagePoint(50, 50), true, 6);
            assertEquals(2, canvas.candidate().orElseThrow().prompts().points().size(),
                    "the next click is applied at once, not held for an accept that cannot come");
            h.vm.discard();
            assertTrue(canvas.candidate().isEmpty());
        }
    }

    @Test
    void openingAnotherFolderCancelsTheOldImagesWork() throws Exception {
        Path empty = root.resolve("empty");
        Files.createDirectories(empty);
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3).openAndWait()) {
            h.canvas().click(discCentre(1), false, 6);
            h.vm.accept();
            h.vm.nextImage(1);
            assertTrue(h.vm.openFolder(empty));
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until) {
                h.ui.drain();
                Thread.sleep(20);
            }
            CanvasViewModel canvas = h.canvas();
            assertEquals(null, h.vm.folder().currentFileProperty().get());
            assertEquals(ImageState.NONE, canvas.imageStateProperty().get(), "no late callback of the old image");
            assertTrue(h.vm.status().activityProperty().get().startsWith("No images in"), h.vm.status().activityProperty().get());
            assertFalse(canvas.candidate().isPresent());
            assertTrue(h.vm.session().project().orElseThrow().image("img1.png").objects().isEmpty(),
                    "nothing of the old folder lands in the new project");
        }
    }
}
