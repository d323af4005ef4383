package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.tools.Tool;

/** Canvas tools and undo/redo on the session, with the fake segmenter on generated images (no display, no model). */
class CanvasViewModelTest {
    @TempDir
    static Path shared;

    private AnnotatorHarness harness;
    private CanvasViewModel canvas;
    private BitMask disc;
    private BitMask rectangle;

    @BeforeEach
    void open(@TempDir Path perTest) throws Exception {
        harness = AnnotatorHarness.create(shared, 3).openAndWait();
        canvas = harness.canvas();
        disc = AnnotatorHarness.disc(1, 640, 480);
        rectangle = AnnotatorHarness.rectangle(1, 640, 480);
    }

    @AfterEach
    void close() {
        harness.close();
        canvas.project().ifPresent(p -> {
            while (p.canUndo()) {
                p.undo();
            }
        });
        java.nio.file.Path projectDir = harness.folder.resolve(".sam-annotator");
        try (var files = java.nio.file.Files.walk(projectDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // no project written
        }
    }

    private ImagePoint discCentre() {
        int[] c = SyntheticImages.discCentre(1);
        return new ImagePoint(c[0], c[1]);
    }

    private void click(ImagePoint p, boolean background) {
        canvas.click(p, background, 6);
        harness.awaitDecoded();
    }

    @Test
    void clickSegmentsTheDiscAndAcceptRecordsPromptsIouAndTime() {
        click(discCentre(), false);
        assertTrue(harness.candidateMask().iou(disc) > 0.9, "candidate IoU " + harness.candidateMask().iou(disc));
        assertFalse(harness.vm.status().candidateProperty().get().isEmpty());

        harness.vm.accept();
        List<AnnotatedObject> objects = canvas.current().objects();
        assertEquals(1, objects.size());
        AnnotatedObject object = objects.get(0);
        assertTrue(object.mask().iou(disc) > 0.9);
        assertEquals(1, object.prompts().points().size());
        assertEquals(PointLabel.FOREGROUND, object.prompts().points().get(0).label());
        assertTrue(object.predictedIou().isPresent());
        assertTrue(object.secondsSpent() >= 0);
        assertTrue(canvas.candidate().isEmpty());
        assertEquals(harness.vm.categories().current().orElseThrow().id(), object.categoryId());
    }

    @Test
    void tabCyclesTheAlternativesAndUndoGoesBack() {
        click(discCentre(), false);
        Candidate first = canvas.candidate().orElseThrow();
        assertEquals(3, first.alternatives().size());
        harness.vm.cycleAlternative();
        assertEquals(1, canvas.candidate().orElseThrow().chosenIndex());
        assertTrue(harness.vm.status().candidateProperty().get().startsWith("Mask 2/"));
        harness.vm.undo();
        assertEquals(0, canvas.candidate().orElseThrow().chosenIndex());
    }

    @Test
    void clickingAMarkerRemovesItAndBackgroundPointsAreKept() {
        click(discCentre(), false);
        click(new ImagePoint(300, 50), true);
        Candidate two = canvas.candidate().orElseThrow();
        assertEquals(2, two.prompts().points().size());
        assertEquals(PointLabel.BACKGROUND, two.prompts().points().get(1).label());
        click(new ImagePoint(302, 52), false);
        assertEquals(1, canvas.candidate().orElseThrow().prompts().points().size(), "marker click removes it");
        click(new ImagePoint(discCentre().x() + 2, discCentre().y() - 1), false);
        assertTrue(canvas.candidate().isEmpty(), "removing the last point drops the candidate");
    }

    @Test
    void boxPromptSegmentsTheRectangle() {
        int[] r = SyntheticImages.rectangle(1);
        canvas.box(new Box(r[0] - 4, r[1] - 4, r[0] + r[2] + 4, r[1] + r[3] + 4));
        harness.awaitDecoded();
        assertTrue(harness.candidateMask().iou(rectangle) > 0.9, "IoU " + harness.candidateMask().iou(rectangle));
        assertTrue(canvas.candidate().orElseThrow().prompts().box().isPresent());
    }

    @Test
    void brushPaintsACandidateAndTheEraserEditsTheSelectedObject() {
        harness.vm.tools().selectTool(Tool.BRUSH);
        harness.vm.tools().setBrushRadius(10);
        canvas.paint(List.of(new ImagePoint(50, 50), new ImagePoint(90, 50)), false);
        long painted = harness.candidateMask().area();
        assertTrue(painted > 40 * 20 && painted < 40 * 20 + 400, "stroke area " + painted);
        harness.vm.accept();
        AnnotatedObject object = canvas.current().objects().get(0);
        assertEquals(painted, object.mask().area());
        assertTrue(object.prompts().isEmpty());

        canvas.selectAt(new ImagePoint(70, 50));
        assertEquals(object.id(), canvas.selectedObject().orElse(null));
        canvas.paint(List.of(new ImagePoint(70, 40), new ImagePoint(70, 60)), true);
        long erased = canvas.current().objects().get(0).mask().area();
        assertTrue(erased < painted, "eraser removed pixels");
        harness.vm.undo();
        assertEquals(painted, canvas.current().objects().get(0).mask().area());
        harness.vm.redo();
        assertEquals(erased, canvas.current().objects().get(0).mask().area());
    }

    @Test
    void undoAndRedoWalkBackThroughPointsAcceptAndDelete() {
        click(discCentre(), false);
        click(new ImagePoint(discCentre().x() + 30, discCentre().y()), false);
        harness.vm.accept();
        long id = canvas.current().objects().get(0).id();
        harness.vm.objects().select(id);
        harness.vm.objects().deleteSelected();
        assertTrue(canvas.current().objects().isEmpty());
        assertEquals("Undo delete object", harness.vm.undoTextProperty().get());

        harness.vm.undo();
        assertEquals("Redo delete object", harness.vm.redoTextProperty().get());
        assertEquals(1, canvas.current().objects().size());
        harness.vm.undo();
        assertTrue(canvas.current().objects().isEmpty());
        assertEquals(2, canvas.candidate().orElseThrow().prompts().points().size());
        harness.vm.undo();
        assertEquals(1, canvas.candidate().orElseThrow().prompts().points().size());
        assertTrue(canvas.candidate().orElseThrow().mask().orElseThrow().iou(disc) > 0.9);
        harness.vm.undo();
        assertTrue(canvas.candidate().isEmpty());
        harness.vm.redo();
        harness.vm.redo();
        harness.vm.redo();
        assertEquals(1, canvas.current().objects().size());
        harness.vm.redo();
        assertTrue(canvas.current().objects().isEmpty());
    }

    @Test
    void enterWhileDecodingAcceptsOnceTheResultArrives() {
        canvas.click(discCentre(), false, 6);
        harness.vm.accept();
        harness.ui.runUntil(() -> !canvas.current().objects().isEmpty(), AnnotatorHarness.TIMEOUT, "deferred accept");
        assertTrue(canvas.current().objects().get(0).mask().iou(disc) > 0.9);
    }

    @Test
    void clicksAfterEnterWhileDecodingStartTheNextObjectWithTheNextCategory() {
        int first = harness.vm.categories().current().orElseThrow().id();
        int second = harness.vm.categories().add("box").id();
        harness.vm.categories().selectNumber(1);
        canvas.click(discCentre(), false, 6);
        harness.vm.accept();
        harness.vm.categories().selectNumber(2);
        int[] r = SyntheticImages.rectangle(1);
        canvas.click(new ImagePoint(r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), false, 6);
        harness.vm.accept();
        harness.vm.categories().selectNumber(1);
        harness.ui.runUntil(() -> canvas.current().objects().size() == 2, AnnotatorHarness.TIMEOUT, "both accepted");
        AnnotatedObject disc1 = canvas.current().objects().get(0);
        assertEquals(first, disc1.categoryId(), "category chosen before the first Enter");
        assertTrue(disc1.mask().iou(disc) > 0.9);
        AnnotatedObject box = canvas.current().objects().get(1);
        assertEquals(second, box.categoryId(), "category chosen before the second Enter");
        assertTrue(box.mask().iou(rectangle) > 0.9);
        assertEquals(1, box.prompts().points().size());
    }

    @Test
    void undoingAnEditOfAnotherImageGoesBackToThatImage() {
        click(discCentre(), false);
        harness.vm.accept();
        harness.vm.nextImage(1);
        harness.awaitReady();
        harness.vm.undo();
        assertEquals(harness.files.get(0), harness.vm.folder().currentFileProperty().get());
        assertTrue(canvas.current().objects().isEmpty());
        harness.awaitReady();
        assertTrue(canvas.candidate().orElseThrow().mask().orElseThrow().iou(disc) > 0.9);
    }

    @Test
    void hoverPreviewShowsTheMaskAClickWouldGiveUntilTheFirstPrompt() {
        canvas.hover(discCentre());
        harness.ui.drain();
        assertEquals(null, canvas.hoverMaskProperty().get(), "off by default");
        harness.vm.tools().hoverPreviewProperty().set(true);
        canvas.hover(new ImagePoint(30, 30));
        canvas.hover(discCentre());
        harness.ui.runUntil(() -> canvas.hoverMaskProperty().get() != null
                && canvas.hoverMaskProperty().get().mask().iou(disc) > 0.9, AnnotatorHarness.TIMEOUT, "hover preview");
        click(discCentre(), false);
        assertEquals(null, canvas.hoverMaskProperty().get(), "a click replaces the preview");
        canvas.hover(new ImagePoint(30, 30));
        harness.ui.drain();
        assertEquals(null, canvas.hoverMaskProperty().get(), "no preview once prompts exist");
    }

    @Test
    void rapidClicksAreLatestWinsAndTheFinalCandidateUsesAllPoints() {
        for (int i = 0; i < 5; i++) {
            canvas.click(new ImagePoint(discCentre().x() - 40 + 20 * i, discCentre().y()), false, 1);
        }
        harness.awaitDecoded();
        Candidate last = canvas.candidate().orElseThrow();
        assertEquals(5, last.prompts().points().size());
        assertTrue(last.mask().orElseThrow().iou(disc) > 0.85);
    }

    @Test
    void switchingImagesKeepsEachImagesCandidateAndCancelsStaleWork() {
        click(discCentre(), false);
        harness.vm.nextImage(1);
        assertEquals(harness.files.get(1), harness.vm.folder().currentFileProperty().get());
        harness.vm.nextImage(1);
        harness.vm.nextImage(-1);
        harness.awaitReady();
        assertEquals(harness.files.get(1), harness.vm.folder().currentFileProperty().get());
        assertTrue(canvas.candidate().isEmpty());
        harness.vm.nextImage(-1);
        harness.awaitReady();
        assertTrue(canvas.candidate().isPresent(), "the first image's candidate is still there");
        assertNotEquals(0, canvas.redrawCounterProperty().get());
    }
}
