package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/** Suggestions in the annotation model: store, accept (one, all), reject, edit, undo/redo, origin, persistence. */
class SuggestionsTest {
    private static final Size SIZE = new Size(40, 30);
    private static final String FILE = "a.png";

    @TempDir
    Path folder;
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private AnnotationProject project;
    private int category;

    @BeforeEach
    void setUp() {
        project = new AnnotationProject(ProjectData.empty(), clock::get);
        category = project.addCategory("thing", 0xff0000).id();
        project.setImageSize(FILE, SIZE);
        project.setCurrentImage(FILE);
    }

    private static BitMask rect(int x0, int y0, int x1, int y1) {
        return BitMask.fromPredicate(SIZE, (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1);
    }

    private static Suggestion generated(BitMask mask) {
        return Suggestion.generated(mask, new ImagePoint(1, 1), 0.93, 0.97);
    }

    /** A square brush dab of half-size {@code r} around {@code p}. */
    private static MaskEdit paint(ImagePoint p, int r) {
        return mask -> {
            for (int y = (int) p.y() - r; y <= p.y() + r; y++) {
                for (int x = (int) p.x() - r; x <= p.x() + r; x++) {
                    if (mask.size().contains(x, y)) {
                        mask.set(x, y);
                    }
                }
            }
        };
    }

    private List<Suggestion> suggestions() {
        return project.image(FILE).suggestions();
    }

    @Test
    void acceptOneMakesASuggestedObjectTimedFromTheLastReviewStep() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10)), generated(rect(20, 0, 30, 10))), true);
        assertEquals(2, suggestions().size());
        assertTrue(project.image(FILE).objects().isEmpty(), "a suggestion is not an object");

        clock.addAndGet(3_000);
        AnnotatedObject accepted = project.suggestions().accept(FILE, suggestions().get(0).id(), category).orElseThrow();
        assertEquals(ObjectOrigin.SUGGESTED, accepted.origin());
        assertEquals(3.0, accepted.secondsSpent(), 1e-9);
        assertEquals(rect(0, 0, 10, 10), accepted.mask());
        assertEquals(1, suggestions().size());
        assertEquals(ImageStatus.IN_PROGRESS, project.image(FILE).status());

        clock.addAndGet(1_000);
        AnnotatedObject second = project.suggestions().accept(FILE, suggestions().get(0).id(), category).orElseThrow();
        assertEquals(1.0, second.secondsSpent(), 1e-9, "the clock restarts at every review step");
    }

    @Test
    void undoAndRedoCoverGenerateAcceptAllAndReject() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10)), generated(rect(20, 0, 30, 10)),
                generated(rect(0, 20, 10, 30))), true);
        project.suggestions().reject(FILE, suggestions().get(1).id());
        assertEquals(2, suggestions().size());
        List<AnnotatedObject> accepted = project.suggestions().acceptAll(FILE, category);
        assertEquals(2, accepted.size());
        assertTrue(suggestions().isEmpty());

        project.undo();
        assertEquals(2, suggestions().size());
        assertTrue(project.image(FILE).objects().isEmpty());
        project.undo();
        assertEquals(3, suggestions().size());
        project.undo();
        assertTrue(suggestions().isEmpty());
        project.redo();
        project.redo();
        project.redo();
        assertEquals(2, project.image(FILE).objects().size());
        assertTrue(suggestions().isEmpty());
    }

    @Test
    void aSuggestionRepeatingAnObjectIsNotOffered() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10))), true);
        project.suggestions().acceptAll(FILE, category);
        int stored = project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 9)),
                generated(rect(20, 20, 30, 30))), true);
        assertEquals(1, stored);
        assertEquals(rect(20, 20, 30, 30), suggestions().get(0).mask().orElseThrow());
    }

    @Test
    void editingASuggestionBeforeAcceptingMakesItSuggestedThenEdited() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10))), true);
        long id = suggestions().get(0).id();
        project.suggestions().startEditing(FILE, id);
        project.addCandidateStroke(FILE, paint(new ImagePoint(15, 5), 2), "brush");
        AnnotatedObject object = project.acceptCandidate(FILE, category).orElseThrow();
        assertEquals(ObjectOrigin.SUGGESTED_THEN_EDITED, object.origin());
        assertTrue(object.mask().get(15, 5));
        assertTrue(suggestions().isEmpty(), "the edited suggestion became the object");

        project.undo();
        project.undo();
        project.undo();
        assertEquals(1, suggestions().size(), "undo brings the suggestion back");
        assertTrue(project.image(FILE).candidate().isEmpty());
    }

    @Test
    void editingAcceptedSuggestedObjectsChangesTheirOrigin() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10))), true);
        AnnotatedObject object = project.suggestions().acceptAll(FILE, category).get(0);
        project.editObjectMask(FILE, object.id(), paint(new ImagePoint(15, 5), 2), "brush");
        assertEquals(ObjectOrigin.SUGGESTED_THEN_EDITED, project.image(FILE).objects().get(0).origin());
    }

    @Test
    void originsAndSuggestionsSurviveSaveAndLoad() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10)), generated(rect(20, 0, 30, 10))), true);
        project.suggestions().accept(FILE, suggestions().get(0).id(), category);
        project.importObjects(List.of(), Map.of(), Map.of(FILE, List.of(Suggestion.importedBox(new Box(1, 2, 9, 8), category))));
        ProjectStore store = new ProjectStore(folder);
        store.save(project.snapshot());

        ImageAnnotations loaded = new ProjectStore(folder).load().data().images().stream()
                .filter(i -> i.fileName().equals(FILE)).findFirst().orElseThrow();
        assertEquals(ObjectOrigin.SUGGESTED, loaded.objects().get(0).origin());
        assertEquals(2, loaded.suggestions().size());
        Suggestion kept = loaded.suggestions().get(0);
        assertEquals(rect(20, 0, 30, 10), kept.mask().orElseThrow());
        assertEquals(0.97, kept.stabilityScore().orElseThrow(), 1e-9);
        Suggestion box = loaded.suggestions().get(1);
        assertTrue(box.isPending());
        assertEquals(Optional.of(new Box(1, 2, 9, 8)), box.prompts().box());
        assertEquals(category, box.categoryId().orElseThrow());
        assertEquals(Suggestion.Source.IMPORTED_BOX, box.source());
    }

    @Test
    void aVersionOneProjectFileStillReadsWithManualOrigins() throws Exception {
        String v1 = """
                {"format":"sam-annotator-project","formatVersion":1,"nextObjectId":2,
                 "categories":[{"id":1,"name":"cat","color":"#ff0000"}],
                 "images":[{"file":"a.png","status":"in_progress","width":2,"height":1,
                   "objects":[{"id":1,"categoryId":1,"width":2,"height":1,"rle":"11","points":[[0.5,0.5,1]],
                     "predictedIou":0.9,"secondsSpent":2.5}]}]}
                """;
        Path file = new ProjectStore(folder).projectFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, v1, StandardCharsets.UTF_8);
        ProjectStore.LoadResult loaded = new ProjectStore(folder).load();
        assertTrue(loaded.warning().isEmpty(), loaded.warning().orElse(""));
        AnnotatedObject object = loaded.data().images().get(0).objects().get(0);
        assertEquals(ObjectOrigin.MANUAL, object.origin());
        assertEquals(2.5, object.secondsSpent(), 1e-9);
        assertTrue(loaded.data().images().get(0).suggestions().isEmpty());
    }

    @Test
    void statisticsSplitObjectsAndSecondsByOrigin() {
        project.suggestions().storeGenerated(FILE, List.of(generated(rect(0, 0, 10, 10)), generated(rect(20, 0, 30, 10))), true);
        clock.addAndGet(2_000);
        project.suggestions().acceptAll(FILE, category);
        project.addCandidateStroke(FILE, paint(new ImagePoint(5, 25), 3), "brush");
        clock.addAndGet(9_000);
        project.acceptCandidate(FILE, category);

        ProjectStatistics stats = ProjectStatistics.of(project, List.of(FILE));
        assertEquals(2, stats.byOrigin().get(ObjectOrigin.SUGGESTED).objects());
        assertEquals(1.0, stats.byOrigin().get(ObjectOrigin.SUGGESTED).medianSeconds(), 1e-9);
        assertEquals(1, stats.byOrigin().get(ObjectOrigin.MANUAL).objects());
        assertEquals(9.0, stats.byOrigin().get(ObjectOrigin.MANUAL).medianSeconds(), 1e-9);
        assertEquals(3.0, stats.objectsPerAnnotatedImage(), 1e-9);
        assertFalse(stats.describe().isBlank());
        assertTrue(stats.describe().contains("suggested"), stats.describe());
    }

    @Test
    void aMalformedImportedBoxNamesTheFileAndTheLine() throws Exception {
        Path coco = folder.resolve("boxes.json");
        Files.writeString(coco, """
                {"images":[{"id":1,"file_name":"a.png","width":40,"height":30}],
                 "categories":[{"id":1,"name":"thing"}],
                 "annotations":[
                   {"id":1,"image_id":1,"category_id":1,"bbox":[1,2,5,5]},
                   {"id":2,"image_id":1,"category_id":1,"bbox":[1,2,"wide",5]}]}
                """);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> CocoExchange.importFile(project, folder, List.of(FILE), coco));
        assertTrue(e.getMessage().contains("boxes.json") && e.getMessage().contains("annotations[1] (line 5)"),
                e.getMessage());
        assertTrue(suggestions().isEmpty(), "nothing was imported");
    }
}
