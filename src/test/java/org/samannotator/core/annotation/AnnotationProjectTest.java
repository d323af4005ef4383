package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.segment.ProposedMask;

class AnnotationProjectTest {
    private static final String IMAGE = "a.png";
    private static final Size SIZE = new Size(40, 30);

    private final AtomicLong clock = new AtomicLong(10_000);
    private final List<ProjectChange> changes = new ArrayList<>();
    private AnnotationProject project;
    private int category;

    @BeforeEach
    void setUp() {
        project = new AnnotationProject(ProjectData.empty(), clock::get);
        category = project.addCategory("cat", 0xff0000).id();
        project.setImageSize(IMAGE, SIZE);
        project.addListener(changes::add);
    }

    private static ProposedMask rectangle(int x0, int y0, int x1, int y1, float iou) {
        BitMask mask = BitMask.fromPredicate(SIZE, (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1);
        return ProposedMask.of(mask, iou, new LowResMask(new float[256 * 256]), 0);
    }

    private Candidate clickAndDecode(double x, double y, ProposedMask... proposals) {
        Candidate candidate = project.addPoint(IMAGE, PromptPoint.foreground(x, y));
        assertTrue(project.resolveDecode(IMAGE, candidate.revision(), List.of(proposals)));
        return candidate;
    }

    @Test
    void acceptRecordsMaskPromptsIouAndSecondsThenUndoRestoresTheCandidate() {
        clickAndDecode(5, 5, rectangle(0, 0, 10, 10, 0.9f));
        clock.addAndGet(2_500);
        AnnotatedObject object = project.acceptCandidate(IMAGE, category).orElseThrow();

        assertEquals(100, object.mask().area());
        assertEquals(2.5, object.secondsSpent(), 1e-9);
        assertEquals(0.9, object.predictedIou().orElseThrow(), 1e-6);
        assertEquals(1, object.prompts().points().size());
        assertEquals(ImageStatus.IN_PROGRESS, project.image(IMAGE).status());
        assertTrue(project.image(IMAGE).candidate().isEmpty());
        assertTrue(changes.get(changes.size() - 1).persistent());

        project.undo();
        assertTrue(project.image(IMAGE).objects().isEmpty());
        assertEquals(100, project.image(IMAGE).candidate().orElseThrow().mask().orElseThrow().area());
        project.redo();
        assertEquals(1, project.image(IMAGE).objects().size());
    }

    @Test
    void everyPointIsUndoneSeparatelyAndALateResultReachesTheUndoSnapshot() {
        Candidate first = project.addPoint(IMAGE, PromptPoint.foreground(5, 5));
        Candidate second = project.addPoint(IMAGE, PromptPoint.background(20, 20));
        assertFalse(project.resolveDecode(IMAGE, first.revision(), List.of(rectangle(0, 0, 10, 10, 0.8f))), "stale result");
        project.resolveDecode(IMAGE, second.revision(), List.of(rectangle(0, 0, 5, 5, 0.7f)));
        assertEquals(25, project.image(IMAGE).candidate().orElseThrow().mask().orElseThrow().area());

        project.undo();
        Candidate restored = project.image(IMAGE).candidate().orElseThrow();
        assertEquals(1, restored.prompts().points().size());
        assertFalse(restored.isDecodePending());
        assertEquals(100, restored.mask().orElseThrow().area());
        project.undo();
        assertTrue(project.image(IMAGE).candidate().isEmpty());
        assertFalse(project.canUndo() && project.undoDescription().orElse("").contains("point"));
    }

    @Test
    void tabChoiceAndStrokesAreUndoableAndStrokesSurviveANewDecode() {
        clickAndDecode(5, 5, rectangle(0, 0, 10, 10, 0.9f), rectangle(0, 0, 4, 4, 0.6f));
        project.chooseAlternative(IMAGE, 1);
        assertEquals(16, currentMask().area());
        project.addCandidateStroke(IMAGE, m -> m.set(30, 20), "brush");
        assertEquals(17, currentMask().area());

        Candidate next = project.addPoint(IMAGE, PromptPoint.foreground(1, 1));
        assertEquals(17, currentMask().area(), "while pending the previous mask stays visible");
        project.resolveDecode(IMAGE, next.revision(), List.of(rectangle(0, 0, 2, 2, 0.5f)));
        assertEquals(5, currentMask().area());

        project.undo();
        project.undo();
        assertEquals(16, currentMask().area());
        project.undo();
        assertEquals(100, currentMask().area());
    }

    @Test
    void editingAnObjectReplacesItInPlaceKeepingIdAndCategory() {
        clickAndDecode(5, 5, rectangle(0, 0, 10, 10, 0.9f));
        AnnotatedObject object = project.acceptCandidate(IMAGE, category).orElseThrow();
        project.startEditingObject(IMAGE, object.id());
        project.addCandidateStroke(IMAGE, m -> m.setRun(0, 0, 10, false), "eraser");
        int other = project.addCategory("dog", 0x00ff00).id();
        AnnotatedObject edited = project.acceptCandidate(IMAGE, other).orElseThrow();

        assertEquals(object.id(), edited.id());
        assertEquals(category, edited.categoryId());
        assertEquals(90, edited.mask().area());
        assertEquals(1, project.image(IMAGE).objects().size());
    }

    @Test
    void objectMaskEditsDeleteAndCategoryChangesUndoInOrder() {
        clickAndDecode(5, 5, rectangle(0, 0, 10, 10, 0.9f));
        long id = project.acceptCandidate(IMAGE, category).orElseThrow().id();
        int dog = project.addCategory("dog", 0x00ff00).id();
        project.editObjectMask(IMAGE, id, m -> m.set(39, 29), "brush");
        project.setObjectCategory(IMAGE, id, dog);
        project.deleteObject(IMAGE, id);
        assertTrue(project.image(IMAGE).objects().isEmpty());

        project.undo();
        assertEquals(dog, project.image(IMAGE).objects().get(0).categoryId());
        project.undo();
        assertEquals(category, project.image(IMAGE).objects().get(0).categoryId());
        project.undo();
        assertEquals(100, project.image(IMAGE).objects().get(0).mask().area());
    }

    @Test
    void deletingACategoryDeletesOrReassignsItsObjectsAndUndoBringsThemBack() {
        clickAndDecode(5, 5, rectangle(0, 0, 10, 10, 0.9f));
        project.acceptCandidate(IMAGE, category);
        int dog = project.addCategory("dog", 0x00ff00).id();
        assertEquals(1, project.countObjects(category));

        project.deleteCategory(category, CategoryDeletion.reassignTo(dog));
        assertEquals(dog, project.image(IMAGE).objects().get(0).categoryId());
        project.undo();
        project.deleteCategory(category, CategoryDeletion.deleteObjects());
        assertTrue(project.image(IMAGE).objects().isEmpty());
        assertEquals(1, project.categories().size());
        project.undo();
        assertEquals(2, project.categories().size());
        assertEquals(category, project.image(IMAGE).objects().get(0).categoryId());
        assertThrows(IllegalArgumentException.class,
                () -> project.deleteCategory(category, CategoryDeletion.reassignTo(category)));
    }

    @Test
    void removingTheOnlyPointDropsTheCandidateAndBoxesCombineWithPoints() {
        project.setBox(IMAGE, new Box(1, 1, 10, 10));
        project.addPoint(IMAGE, PromptPoint.foreground(3, 3));
        assertTrue(project.image(IMAGE).candidate().orElseThrow().prompts().box().isPresent());
        assertTrue(project.removePoint(IMAGE, 0).isPresent(), "the box remains to decode");
        project.discardCandidate(IMAGE);
        project.addPoint(IMAGE, PromptPoint.foreground(3, 3));
        assertTrue(project.removePoint(IMAGE, 0).isEmpty());
        assertTrue(project.image(IMAGE).candidate().isEmpty());
    }

    @Test
    void candidateChangesAreNotPersistentButStatusIs() {
        changes.clear();
        project.addPoint(IMAGE, PromptPoint.foreground(3, 3));
        assertFalse(changes.get(0).persistent());
        project.setStatus(IMAGE, ImageStatus.DONE);
        assertTrue(changes.get(1).persistent());
        assertEquals(ImageStatus.DONE, project.snapshot().images().get(0).status());
        assertTrue(project.snapshot().images().get(0).candidate().isEmpty(), "candidates are never saved");
    }

    private BitMask currentMask() {
        return project.image(IMAGE).candidate().orElseThrow().mask().orElseThrow();
    }
}
