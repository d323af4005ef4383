package org.samannotator.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;

class ProjectStoreTest {
    @TempDir
    Path folder;

    private static ProjectData sample() {
        Size size = new Size(50, 40);
        BitMask ring = BitMask.fromPredicate(size, (x, y) -> {
            double d = Math.hypot(x - 25, y - 20);
            return d < 15 && d > 6;
        });
        AnnotatedObject object = new AnnotatedObject(7, 2, ring,
                new PromptSet(List.of(PromptPoint.foreground(25.5, 8), PromptPoint.background(25, 20)),
                        Optional.of(new Box(9, 4, 41, 36))), OptionalDouble.of(0.93), 4.25);
        ImageAnnotations image = ImageAnnotations.empty("sub name.png").withSize(size)
                .withStatus(ImageStatus.DONE).withObjects(List.of(object));
        ImageAnnotations touched = ImageAnnotations.empty("b.jpg").withStatus(ImageStatus.IN_PROGRESS);
        return new ProjectData(List.of(new Category(1, "cat", 0xff0000), new Category(2, "dog", 0x00ff80)),
                List.of(image, touched), Optional.of("b.jpg"), 8);
    }

    @Test
    void saveThenLoadRestoresEverything() {
        ProjectStore store = new ProjectStore(folder);
        ProjectData data = sample();
        store.save(data);
        ProjectStore.LoadResult loaded = new ProjectStore(folder).load();

        assertTrue(loaded.warning().isEmpty());
        assertEquals(data.categories(), loaded.data().categories());
        assertEquals(data.currentImage(), loaded.data().currentImage());
        assertEquals(8, loaded.data().nextObjectId());
        ImageAnnotations image = loaded.data().images().get(0);
        assertEquals(ImageStatus.DONE, image.status());
        AnnotatedObject object = image.objects().get(0);
        AnnotatedObject expected = data.images().get(0).objects().get(0);
        assertEquals(expected.mask(), object.mask());
        assertEquals(expected.prompts(), object.prompts());
        assertEquals(0.93, object.predictedIou().orElseThrow(), 1e-9);
        assertEquals(4.25, object.secondsSpent(), 1e-9);
        assertEquals(ImageStatus.IN_PROGRESS, loaded.data().images().get(1).status());
    }

    @Test
    void aCorruptFileIsMovedAsideAndNeverOverwritten() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        Files.createDirectories(store.projectFile().getParent());
        Files.writeString(store.projectFile(), "{\"format\": \"sam-annotator-project\", \"categories\": [ {");
        ProjectStore.LoadResult loaded = store.load();

        assertTrue(loaded.warning().orElseThrow().contains("damaged"));
        assertTrue(loaded.data().images().isEmpty());
        assertFalse(Files.exists(store.projectFile()));
        try (var files = Files.list(store.projectFile().getParent())) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("project.samproj.corrupt-"))
                    .findFirst().orElseThrow();
            assertTrue(Files.readString(aside).endsWith("[ {"), "the damaged content is kept as it was");
        }
    }

    @Test
    void aFileOfANewerFormatIsRefusedAndLeftUntouched() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        Files.createDirectories(store.projectFile().getParent());
        String newer = "{\"format\": \"sam-annotator-project\", \"formatVersion\": 7, \"somethingNew\": [ ]}";
        Files.writeString(store.projectFile(), newer);

        ProjectFileException e = assertThrows(ProjectFileException.class, store::load);

        assertTrue(e.getMessage().contains("newer SAM Annotator (format 7"), e.getMessage());
        assertEquals(newer, Files.readString(store.projectFile()), "neither moved aside nor rewritten");
        try (var files = Files.list(store.projectFile().getParent())) {
            assertEquals(List.of("project.samproj"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        ProjectStore store = new ProjectStore(folder);
        for (int i = 0; i < 3; i++) {
            store.save(sample());
        }
        try (var files = Files.list(store.projectFile().getParent())) {
            assertEquals(List.of("project.samproj", "project.samproj.index"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void autosaveFailureIsReportedAndTheProjectKeepsItsState() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the project folder should be");
        AnnotationProject project = new AnnotationProject(ProjectData.empty());
        List<SaveStatus> statuses = new ArrayList<>();
        try (ProjectAutosaver saver = new ProjectAutosaver(project, new ProjectStore(blocker),
                s -> { synchronized (statuses) { statuses.add(s); } })) {
            project.addCategory("cat", 0xff0000);
            saver.flush();
        }
        synchronized (statuses) {
            SaveStatus last = statuses.get(statuses.size() - 1);
            assertEquals(SaveStatus.State.FAILED, last.state());
            assertTrue(last.message().contains("project.samproj"), last.message());
        }
        assertEquals(1, project.categories().size());
    }

    @Test
    void autosaveWritesTheLatestStateAfterEveryPersistentChange() {
        AnnotationProject project = new AnnotationProject(ProjectData.empty());
        ProjectStore store = new ProjectStore(folder);
        try (ProjectAutosaver saver = new ProjectAutosaver(project, store, s -> { })) {
            for (int i = 0; i < 20; i++) {
                project.addCategory("c" + i, i);
            }
            saver.flush();
            assertEquals(20, store.load().data().categories().size());
            project.undo();
            saver.flush();
            assertEquals(19, store.load().data().categories().size());
        }
    }

    @Test
    void saveNowOrFailThrowsWithTheReasonAndKeepsTheChangesUnsaved() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the project folder should be");
        AnnotationProject project = new AnnotationProject(ProjectData.empty());
        try (ProjectAutosaver saver = new ProjectAutosaver(project, new ProjectStore(blocker), s -> { })) {
            assertFalse(saver.hasUnsavedChanges());
            project.addCategory("cat", 0xff0000);
            assertTrue(saver.hasUnsavedChanges());
            ProjectFileException e = assertThrows(ProjectFileException.class, saver::saveNowOrFail);
            assertTrue(e.getMessage().contains("project.samproj"), e.getMessage());
            saver.flush();
            assertTrue(saver.hasUnsavedChanges(), "a failed save leaves the changes unsaved");
            Files.delete(blocker);
            Files.createDirectory(blocker);
            saver.saveNowOrFail();
            assertFalse(saver.hasUnsavedChanges());
            assertEquals(1, new ProjectStore(blocker).load().data().categories().size());
        }
    }
}
