package org.samannotator.gui.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.FakeSegmenter;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.ImageStatus;

class FolderViewModelTest {
    @TempDir
    Path folder;
    private final AnnotationSession session = new AnnotationSession(FakeSegmenter::new, null, new QueueExecutor());
    private final FolderViewModel vm = new FolderViewModel(session);
    private AnnotationProject project;

    @BeforeEach
    void openFolder() throws Exception {
        for (String name : List.of("a1.png", "a2.png", "b1.png", "b2.png")) {
            Files.createFile(folder.resolve(name)); // listing reads no image
        }
        assertTrue(session.openFolder(folder, Optional.empty(), () -> true).opened());
        project = session.project().orElseThrow();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void statusChangesUpdateTheRowsAndAreUndoable() {
        vm.setStatus("a2.png", ImageStatus.DONE);
        assertEquals(ImageStatus.DONE, vm.visibleRows().get(1).status());
        assertEquals("4 images, 1 done", vm.summaryProperty().get());
        assertEquals(Optional.of("a1.png"), vm.firstNotDone());
        project.undo();
        assertEquals(ImageStatus.NOT_STARTED, vm.visibleRows().get(1).status());
    }

    @Test
    void nextAndPreviousFollowTheFilteredList() {
        assertEquals(Optional.of("a2.png"), vm.neighbour("a1.png", 1));
        assertEquals(Optional.empty(), vm.neighbour("a1.png", -1));
        vm.filterProperty().set("B");
        assertEquals(2, vm.visibleRows().size());
        assertEquals(Optional.of("b2.png"), vm.neighbour("b1.png", 1));
        assertEquals(Optional.of("b1.png"), vm.neighbour("a1.png", 1), "outside the filter: start of the list");
    }

    @Test
    void upcomingImagesAreTheNamesAfterTheCurrentOne() {
        assertEquals(List.of("b1.png", "b2.png"), vm.upcoming("a2.png", 3));
    }

    @Test
    void upcomingImagesFollowTheFilteredList() {
        vm.filterProperty().set("2");
        assertEquals(List.of("b2.png"), vm.upcoming("a2.png", 3));
        assertEquals(List.of("a2.png", "b2.png"), vm.upcoming("a1.png", 3),
                "outside the filter: from the start, where D goes");
    }

    @Test
    void theStatusFilterCombinesWithTheNameFilterAndNavigation() {
        vm.setStatus("a2.png", ImageStatus.DONE);
        vm.setStatus("b1.png", ImageStatus.IN_PROGRESS);
        vm.statusFilterProperty().set(StatusFilter.NOT_STARTED);
        assertEquals(List.of("a1.png", "b2.png"), vm.visibleRows().stream().map(ImageRow::fileName).toList());
        assertEquals("4 images, 1 done, 2 shown", vm.summaryProperty().get());
        assertEquals(Optional.of("b2.png"), vm.neighbour("a1.png", 1), "D skips the images filtered out");
        vm.filterProperty().set("b");
        assertEquals(List.of("b2.png"), vm.visibleRows().stream().map(ImageRow::fileName).toList());
        vm.statusFilterProperty().set(StatusFilter.NOT_DONE);
        assertEquals(List.of("b1.png", "b2.png"), vm.visibleRows().stream().map(ImageRow::fileName).toList());
        vm.filterProperty().set("");
        vm.statusFilterProperty().set(StatusFilter.DONE);
        assertEquals(List.of("a2.png"), vm.visibleRows().stream().map(ImageRow::fileName).toList());
        vm.setStatus("a1.png", ImageStatus.DONE);
        assertEquals(List.of("a1.png", "a2.png"), vm.visibleRows().stream().map(ImageRow::fileName).toList(),
                "a status change moves the image into the filter");
        vm.statusFilterProperty().set(StatusFilter.ALL);
        assertEquals(4, vm.visibleRows().size());
        assertEquals("4 images, 2 done", vm.summaryProperty().get());
    }

    @Test
    void aRowCountsWhatCouldBeReadOnceItsImageIsOpened() throws Exception {
        org.samannotator.core.geometry.Size size = new org.samannotator.core.geometry.Size(8, 6);
        List<org.samannotator.core.annotation.AnnotatedObject> objects = new java.util.ArrayList<>();
        for (int id = 1; id <= 2; id++) {
            int column = id;
            objects.add(new org.samannotator.core.annotation.AnnotatedObject(id, 1,
                    org.samannotator.core.mask.BitMask.fromPredicate(size, (x, y) -> x == column),
                    new org.samannotator.core.annotation.PromptSet(List.of(), Optional.empty()),
                    java.util.OptionalDouble.empty(), 1));
        }
        session.close();
        org.samannotator.core.annotation.ProjectStore store = new org.samannotator.core.annotation.ProjectStore(folder);
        store.save(new org.samannotator.core.annotation.ProjectData(
                List.of(new org.samannotator.core.annotation.Category(1, "c", 0xff0000)),
                List.of(org.samannotator.core.annotation.ImageAnnotations.empty("b1.png").withSize(size)
                        .withObjects(objects)), Optional.empty(), 3));
        String text = Files.readString(store.projectFile());
        Files.writeString(store.projectFile(), text.replaceFirst("\"rle\":\"", "\"rle\":\"~"));
        AnnotationSession reopened = new AnnotationSession(FakeSegmenter::new, null, new QueueExecutor());
        FolderViewModel rows = new FolderViewModel(reopened);
        assertTrue(reopened.openFolder(folder, Optional.empty(), () -> true).opened());
        assertEquals(2, rows.visibleRows().get(2).objectCount(), "before it is read: the count the file lists");
        reopened.openImage("b1.png");
        assertEquals(1, rows.visibleRows().get(2).objectCount());
        assertTrue(reopened.status().alert().contains("b1.png"), reopened.status().alert());
        reopened.close();
    }
}
