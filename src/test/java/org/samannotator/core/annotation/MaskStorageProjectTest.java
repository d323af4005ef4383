package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/** Objects kept compressed: editing, undo, saving and loading across evictions of the decoded masks. */
class MaskStorageProjectTest {
    private static final Size SIZE = new Size(80, 60);

    @TempDir
    Path folder;

    @AfterEach
    void restoreSharedBound() {
        DecodedMasks.shared().setMaxBytes(DecodedMasks.DEFAULT_MAX_BYTES);
    }

    private static BitMask disc(int cx, int cy, int r) {
        return BitMask.fromPredicate(SIZE, (x, y) -> Math.hypot(x - cx, y - cy) < r);
    }

    private static ProjectData project(int images, int objectsEach) {
        List<ImageAnnotations> list = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < images; i++) {
            List<AnnotatedObject> objects = new ArrayList<>();
            for (int k = 0; k < objectsEach; k++) {
                objects.add(new AnnotatedObject(id++, 1, disc(10 + 12 * k, 10 + 5 * i, 6 + i % 4),
                        new PromptSet(List.of(), Optional.empty()), OptionalDouble.of(0.5), 1.5));
            }
            list.add(ImageAnnotations.empty("img" + i + ".png").withSize(SIZE).withObjects(objects)
                    .withStatus(ImageStatus.IN_PROGRESS));
        }
        return new ProjectData(List.of(new Category(1, "thing", 0x00ff00)), list, Optional.of("img0.png"), id);
    }

    @Test
    void editAfterEvictionStartsFromTheSavedPixelsAndUndoRedoCrossEvictions() {
        AnnotationProject project = new AnnotationProject(project(2, 3));
        AnnotatedObject before = project.image("img1.png").objects().get(1);
        BitMask original = disc(22, 15, 7);
        DecodedMasks.shared().clear();

        project.editObjectMask("img1.png", before.id(), mask -> mask.set(0, 0), "brush");
        BitMask edited = original.copy();
        edited.set(0, 0);
        assertEquals(edited, project.image("img1.png").object(before.id()).orElseThrow().mask());

        DecodedMasks.shared().clear();
        project.undo();
        assertEquals(original, project.image("img1.png").object(before.id()).orElseThrow().mask());
        DecodedMasks.shared().clear();
        project.redo();
        AnnotatedObject redone = project.image("img1.png").object(before.id()).orElseThrow();
        assertEquals(edited, redone.mask());
        assertEquals(edited.area(), redone.storedMask().area());
    }

    @Test
    void aTinyBoundStillGivesEveryMaskExactly() {
        ProjectData data = project(3, 4);
        DecodedMasks.shared().setMaxBytes(DecodedMasks.weight(new BitMask(SIZE)));
        for (ImageAnnotations image : data.images()) {
            for (int k = 0; k < image.objects().size(); k++) {
                int i = Integer.parseInt(image.fileName().replaceAll("\\D", ""));
                assertEquals(disc(10 + 12 * k, 10 + 5 * i, 6 + i % 4), image.objects().get(k).mask());
            }
        }
        assertEquals(1, DecodedMasks.shared().size());
    }

    @Test
    void loadingDecodesNothingAndGivesTheSameMasks() {
        ProjectData data = project(4, 5);
        new ProjectStore(folder).save(data);
        DecodedMasks.shared().clear();

        ProjectData loaded = new ProjectStore(folder).load().data();
        assertEquals(0, DecodedMasks.shared().size(), "no mask decoded by loading");
        for (int i = 0; i < data.images().size(); i++) {
            List<AnnotatedObject> objects = loaded.images().get(i).objects();
            for (int k = 0; k < objects.size(); k++) {
                AnnotatedObject saved = data.images().get(i).objects().get(k);
                assertFalse(objects.get(k).storedMask().isDecoded());
                assertEquals(saved.storedMask().area(), objects.get(k).storedMask().area());
                assertEquals(saved.mask().boundingBox(), objects.get(k).storedMask().boundingBox());
                assertEquals(saved.mask(), objects.get(k).mask());
            }
        }
        assertEquals(data, loaded);
    }

    @Test
    void savingAfterOneChangeKeepsEveryOtherImageAndReadsBackEqual() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        store.save(project(5, 3));
        AnnotationProject project = new AnnotationProject(store.load().data());
        store.save(project.snapshot());
        byte[] unchanged = Files.readAllBytes(store.projectFile());
        store.save(project.snapshot());
        assertArrayEquals(unchanged, Files.readAllBytes(store.projectFile()), "same data, same bytes");

        long edited = project.image("img3.png").objects().get(0).id();
        project.editObjectMask("img3.png", edited, mask -> mask.set(79, 59), "brush");
        project.setStatus("img4.png", ImageStatus.DONE);
        store.save(project.snapshot());
        DecodedMasks.shared().clear();

        ProjectData reloaded = new ProjectStore(folder).load().data();
        assertEquals(project.snapshot(), reloaded);
        assertEquals(ImageStatus.DONE, reloaded.images().get(4).status());
        assertEquals(true, reloaded.images().get(3).objects().get(0).mask().get(79, 59));
    }

    @Test
    void aFileInThePreviousLayoutLoadsAndIsRewrittenEqual() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        ProjectData data = project(3, 2);
        store.save(data);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        // the previous versions pretty-printed the whole tree
        Files.write(store.projectFile(), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(mapper.readTree(store.projectFile().toFile())));
        ProjectStore reopened = new ProjectStore(folder);
        AnnotationProject project = new AnnotationProject(reopened.load().data());
        project.setStatus("img1.png", ImageStatus.DONE);
        reopened.save(project.snapshot());

        ProjectData reloaded = new ProjectStore(folder).load().data();
        assertEquals(project.snapshot(), reloaded);
        assertEquals(data.images().get(2), reloaded.images().get(2));
    }

    @Test
    void aFileCutBetweenTheRootsFieldsIsMovedAside() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        store.save(project(2, 2));
        String text = Files.readString(store.projectFile());
        Files.writeString(store.projectFile(), text.substring(0, text.lastIndexOf('}')));

        ProjectStore.LoadResult result = new ProjectStore(folder).load();
        assertTrue(result.warning().orElseThrow().contains("damaged"), result.warning().orElseThrow());
        assertEquals(ProjectData.empty(), result.data());
    }
}
