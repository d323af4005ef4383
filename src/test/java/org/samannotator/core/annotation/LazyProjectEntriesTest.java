package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * Opening reads each image's objects only when the image is first needed: what opening must know comes from
 * the scan, unread entries are saved byte for byte, and a damaged entry is found when it is read, its damaged
 * part left out, with the original file copied aside first.
 */
class LazyProjectEntriesTest {
    private static final Size SIZE = new Size(40, 30);

    @TempDir
    Path folder;

    private static AnnotatedObject object(long id, int cx) {
        BitMask mask = BitMask.fromPredicate(SIZE, (x, y) -> Math.abs(x - cx) < 4 && Math.abs(y - 15) < 2 + id); // unique per id
        return new AnnotatedObject(id, 1, mask, new PromptSet(List.of(), Optional.empty()), OptionalDouble.of(0.8), 2);
    }

    /** Three images of two objects each (ids 1-6). */
    private ProjectStore saved() {
        List<ImageAnnotations> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(ImageAnnotations.empty("img" + i + ".png").withSize(SIZE).withStatus(ImageStatus.IN_PROGRESS)
                    .withObjects(List.of(object(2L * i + 1, 8), object(2L * i + 2, 25))));
        }
        ProjectStore store = new ProjectStore(folder);
        store.save(new ProjectData(List.of(new Category(1, "thing", 0xff0000)), images, Optional.of("img0.png"), 7));
        return store;
    }

    private static boolean unread(ImageAnnotations image) {
        return image.objects() instanceof EntryList<?> list && list.unreadKeys().isPresent();
    }

    @Test
    void openingReadsNoObjectAndCountsComeFromTheScan() {
        ProjectStore.LoadResult loaded = saved().load();
        assertTrue(loaded.warning().isEmpty());
        AnnotationProject project = new AnnotationProject(loaded.data());
        for (int i = 0; i < 3; i++) {
            ImageAnnotations image = project.image("img" + i + ".png");
            assertEquals(2, image.objectCount());
            assertTrue(image.hasSavedContent());
            assertTrue(unread(image), "opening, counting and checking read no entry");
        }
        ImageAnnotations first = project.image("img0.png");
        assertEquals(List.of(1L, 2L), first.objects().stream().map(AnnotatedObject::id).toList());
        assertEquals(object(2, 25).storedMask().rle(), first.objects().get(1).storedMask().rle());
        assertFalse(unread(first));
        assertTrue(first.readProblem().isEmpty());
        assertTrue(unread(project.image("img1.png")), "reading one image reads no other");
    }

    @Test
    void unreadEntriesAreSavedAsTheyWereWritten() throws Exception {
        ProjectStore store = saved();
        List<String> before = imageLines(store);
        AnnotationProject project = new AnnotationProject(store.load().data());
        project.setStatus("img1.png", ImageStatus.DONE);
        store.save(project.snapshot());
        List<String> after = imageLines(store);
        assertEquals(before.get(0), after.get(0));
        assertNotEquals(before.get(1), after.get(1));
        assertEquals(before.get(2), after.get(2));
        assertTrue(unread(project.image("img0.png")) && unread(project.image("img2.png")));
        ImageAnnotations changed = new ProjectStore(folder).load().data().images().get(1);
        assertEquals(ImageStatus.DONE, changed.status());
        assertEquals(List.of(3L, 4L), changed.objects().stream().map(AnnotatedObject::id).toList());
    }

    @Test
    void aDamagedEntryIsFoundWhenReadAndNothingOfItIsLost() throws Exception {
        ProjectStore store = saved();
        String good = object(4, 25).storedMask().rle();
        String text = Files.readString(store.projectFile());
        String damaged = text.replace("\"rle\":\"" + good + "\"", "\"rle\":\"" + good + "0\"");
        assertNotEquals(text, damaged);
        Files.writeString(store.projectFile(), damaged);

        ProjectStore.LoadResult loaded = store.load();
        assertTrue(loaded.warning().isEmpty(), "what is inside an object is checked when its image is read");
        AnnotationProject project = new AnnotationProject(loaded.data());
        store.save(project.snapshot()); // an autosave before the image is read keeps the damaged text
        assertEquals(damaged, Files.readString(store.projectFile()));

        String problem = project.image("img1.png").readProblem().orElseThrow();
        assertTrue(problem.contains("img1.png") && problem.contains("object 4") && problem.contains("kept as"), problem);
        assertEquals(List.of(3L), project.image("img1.png").objects().stream().map(AnnotatedObject::id).toList());
        assertEquals(damaged, Files.readString(onlyCopy()), "the original is copied aside before anything is left out");
        assertTrue(project.image("img0.png").readProblem().isEmpty());

        store.save(project.snapshot());
        ProjectStore.LoadResult again = new ProjectStore(folder).load();
        assertTrue(again.data().images().stream().allMatch(i -> i.readProblem().isEmpty()));
        assertEquals(5, again.data().images().stream().mapToInt(i -> i.objects().size()).sum());
        assertEquals(damaged, Files.readString(onlyCopy()));
    }

    @Test
    void repairsOfUnreadEntriesComeFromTheScanAndReadOnlyWhatChanges() throws Exception {
        ProjectStore store = saved();
        String text = Files.readString(store.projectFile());
        // image 2's first object takes id 1, already used by image 0
        Files.writeString(store.projectFile(), text.replace("{\"id\":5,", "{\"id\":1,"), StandardCharsets.UTF_8);
        ProjectStore.LoadResult loaded = store.load();
        String warning = loaded.warning().orElseThrow();
        assertTrue(warning.contains("a second object 1 of img2.png got the new id 7"), warning);
        List<ImageAnnotations> images = loaded.data().images();
        assertTrue(unread(images.get(0)) && unread(images.get(1)), "images without a repair stay unread");
        assertEquals(List.of(7L, 6L), images.get(2).objects().stream().map(AnnotatedObject::id).toList());
        assertEquals(8, loaded.data().nextObjectId());
        assertEquals(List.of(1L, 2L), images.get(0).objects().stream().map(AnnotatedObject::id).toList());
    }

    @Test
    void suggestionIdsAndCountsNeedNoRead() throws Exception {
        ProjectStore store = saved();
        String text = Files.readString(store.projectFile());
        Files.writeString(store.projectFile(), text.replace("\"file\":\"img2.png\",", "\"file\":\"img2.png\","
                + "\"suggestions\":[{\"id\":41,\"source\":\"generated\",\"points\":[]}],"));
        ProjectData data = store.load().data();
        ImageAnnotations image = data.images().get(2);
        assertEquals(1, image.suggestionCount());
        assertEquals(List.of(41L), image.suggestionIds().boxed().toList());
        new AnnotationProject(data);
        assertTrue(unread(image));
        assertEquals(41L, image.suggestions().get(0).id());
    }

    @Test
    void concurrentReadersShareOneRead() throws Exception {
        ImageAnnotations image = saved().load().data().images().get(0);
        List<Thread> threads = new ArrayList<>();
        List<List<AnnotatedObject>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> seen.add(List.copyOf(image.objects())));
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (List<AnnotatedObject> objects : seen) {
            assertEquals(2, objects.size());
            assertSame(seen.get(0).get(0), objects.get(0));
        }
    }

    /** The JSON text of each image, in order (one compact line each in a file this app wrote). */
    private static List<String> imageLines(ProjectStore store) throws Exception {
        return Files.readAllLines(store.projectFile()).stream().filter(l -> l.contains("\"file\":")).toList();
    }

    private Path onlyCopy() throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve(ProjectStore.DIRECTORY))) {
            List<Path> copies = files.filter(f -> f.getFileName().toString().contains(".before-repair-")).toList();
            assertEquals(1, copies.size(), copies.toString());
            return copies.get(0);
        }
    }
}
