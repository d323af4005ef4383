package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.gui.AnnotatorHarness;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.core.session.ImageState;

/** Opening folders, restoring a project on reopen, statuses, damaged project files, big folders. */
class MainViewModelTest {
    @TempDir
    Path root;

    @Test
    void reopeningAFolderRestoresObjectsCategoriesStatusAndTheImageThatWasOpen() {
        try (AnnotatorHarness first = AnnotatorHarness.create(root, 3).openAndWait()) {
            first.vm.categories().add("disc");
            int[] c = SyntheticImages.discCentre(1);
            first.canvas().click(new ImagePoint(c[0], c[1]), false, 6);
            first.awaitDecoded();
            first.vm.accept();
            first.vm.setCurrentStatus(ImageStatus.DONE);
            first.vm.nextImage(1);
            first.awaitReady();
            first.vm.flushSaves();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (AnnotatorHarness second = AnnotatorHarness.create(root, 3).openAndWait()) {
            assertEquals("img2.png", second.vm.folder().currentFileProperty().get(), "the image that was open");
            var project = second.vm.session().project().orElseThrow();
            assertEquals(1, project.image("img1.png").objects().size());
            assertEquals(ImageStatus.DONE, project.image("img1.png").status());
            assertEquals(2, project.categories().size());
            assertEquals("disc", project.category(project.image("img1.png").objects().get(0).categoryId())
                    .orElseThrow().name());
            assertEquals(1, second.vm.folder().visibleRows().get(0).objectCount());
            assertEquals(root.resolve("images").toAbsolutePath(), second.vm.recentFolders().get(0));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutARememberedImageTheFolderOpensOnTheFirstImageNotDone() throws Exception {
        Path folder = root.resolve("images");
        SyntheticImages.writeFolder(folder, 3);
        new ProjectStore(folder).save(new org.samannotator.core.annotation.ProjectData(java.util.List.of(),
                java.util.List.of(org.samannotator.core.annotation.ImageAnnotations.empty("img1.png")
                        .withStatus(ImageStatus.DONE)), java.util.Optional.empty(), 1));
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3)) {
            h.vm.openFolder(h.folder);
            assertEquals("img2.png", h.vm.folder().currentFileProperty().get());
        }
    }

    @Test
    void theWindowReadsAFolderInTheBackgroundThenOpensItsStartImageAndRemembersIt() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 3)) {
            h.vm.openFolderInBackground(h.folder, java.util.Optional.of("img3.png"));
            assertEquals(null, h.vm.openFolderProperty().get(), "nothing is open before the read comes back");
            assertEquals(h.folder.toAbsolutePath(), h.vm.openingFolderProperty().get(), "the start page says which");
            assertTrue(h.vm.status().activityProperty().get().startsWith("Opening "),
                    h.vm.status().activityProperty().get());

            h.awaitReady();
            assertEquals(h.folder.toAbsolutePath(), h.vm.openFolderProperty().get());
            assertEquals("img3.png", h.vm.folder().currentFileProperty().get());
            assertEquals(h.folder.toAbsolutePath(), h.vm.recentFolders().get(0));
            assertEquals(null, h.vm.openingFolderProperty().get());
        }
    }

    @Test
    void aFolderThatCannotBeReadInTheBackgroundIsReportedInTheAlert() throws Exception {
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 1)) {
            h.vm.openFolderInBackground(root.resolve("missing"));
            h.ui.runUntil(() -> h.vm.alertProperty().get() != null, java.time.Duration.ofSeconds(30), "alert");
            assertTrue(h.vm.alertProperty().get().startsWith("Cannot open folder"), h.vm.alertProperty().get());
            assertEquals(null, h.vm.openFolderProperty().get());
            assertEquals(null, h.vm.openingFolderProperty().get(), "the start page offers the folders again");
        }
    }

    @Test
    void aDamagedProjectFileIsReportedAndKeptAside() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        Path projectFile = root.resolve("images").resolve(ProjectStore.DIRECTORY).resolve(ProjectStore.FILE_NAME);
        Files.createDirectories(projectFile.getParent());
        Files.writeString(projectFile, "not json");
        try (AnnotatorHarness h = AnnotatorHarness.create(root, 1)) {
            assertTrue(h.vm.openFolder(h.folder));
            assertTrue(h.vm.alertProperty().get().contains("damaged"), h.vm.alertProperty().get());
            h.vm.flushSaves();
            try (var files = Files.list(projectFile.getParent())) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("project.samproj.corrupt-")));
            }
        }
    }

    @Test
    void tenThousandImagesAreListedWithoutReadingThem() throws Exception {
        Path big = root.resolve("big");
        Files.createDirectories(big);
        for (int i = 0; i < 10_000; i++) {
            Files.createFile(big.resolve(String.format("frame_%05d.jpg", i)));
        }
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = new MainViewModel(() -> {
            throw new IllegalStateException("no model needed");
        }, null, new RecentFolders(root.resolve("recent.txt")), ui)) {
            assertTrue(vm.openFolder(big));
            assertEquals(10_000, vm.folder().visibleRows().size());
            assertEquals("frame_00000.jpg", vm.folder().currentFileProperty().get());
            vm.folder().filterProperty().set("_0999");
            assertEquals(10, vm.folder().visibleRows().size());
            ui.runUntil(() -> vm.canvas().imageStateProperty().get() == ImageState.FAILED,
                    AnnotatorHarness.TIMEOUT, "unreadable image reported");
            assertFalse(vm.status().activityProperty().get().isEmpty());
            var project = vm.session().project().orElseThrow();
            assertTrue(vm.folder().allFiles().stream().noneMatch(f -> project.image(f).size().isPresent()),
                    "no image was decoded (an opened image records its size)");
        }
    }

    @Test
    void aFailingSaveIsShownAndTheWorkIsKept() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        Files.writeString(root.resolve("images").resolve(ProjectStore.DIRECTORY), "a file blocks the project folder");
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = new MainViewModel(() -> {
            throw new IllegalStateException("no model");
        }, null, new RecentFolders(root.resolve("recent.txt")), ui)) {
            vm.openFolder(root.resolve("images"));
            vm.categories().add("cat");
            vm.flushSaves();
            ui.runUntil(() -> vm.status().saveFailedProperty().get(), AnnotatorHarness.TIMEOUT, "save failure shown");
            assertTrue(vm.status().saveProperty().get().contains("project.samproj"), vm.status().saveProperty().get());
            assertEquals(2, vm.categories().categories().size(), "the unsaved state is kept");
        }
    }

    @Test
    void anUnreadableFolderIsAnAlertNotAnException() {
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = new MainViewModel(() -> {
            throw new IllegalStateException("no model");
        }, null, new RecentFolders(root.resolve("recent.txt")), ui)) {
            assertFalse(vm.openFolder(root.resolve("missing")));
            assertTrue(vm.alertProperty().get().contains("not a folder"));
        }
    }

    private static MainViewModel modelFree(Path root, QueueExecutor ui) {
        return new MainViewModel(() -> {
            throw new IllegalStateException("no model");
        }, null, new RecentFolders(root.resolve("recent.txt")), ui);
    }

    @Test
    void aFailedSaveKeepsTheWindowOpenUntilTheUserDecides() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        Path blocker = root.resolve("images").resolve(ProjectStore.DIRECTORY);
        Files.writeString(blocker, "a file blocks the project folder");
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = modelFree(root, ui)) {
            vm.openFolder(root.resolve("images"));
            vm.categories().add("cat");
            boolean[] windowClosed = {false};

            assertFalse(vm.requestClose(() -> windowClosed[0] = true), "the close request is refused");
            assertTrue(vm.saveFailureProperty().get().startsWith("Your last changes could not be saved: "),
                    vm.saveFailureProperty().get());
            assertTrue(vm.saveFailureProperty().get().contains("project.samproj"), vm.saveFailureProperty().get());
            vm.resolveSaveFailure(UnsavedChangesDecision.CANCEL);
            assertFalse(windowClosed[0]);
            assertEquals(null, vm.saveFailureProperty().get());

            assertFalse(vm.requestClose(() -> windowClosed[0] = true));
            Files.delete(blocker);
            vm.resolveSaveFailure(UnsavedChangesDecision.RETRY);
            assertTrue(windowClosed[0], "closed after the retry saved");
            var saved = new ProjectStore(root.resolve("images")).load().data();
            assertEquals(2, saved.categories().size(), "the retry wrote the latest state");
        }
    }

    @Test
    void anotherFolderOpensOnlyAfterTheUnsavedChangesAreSavedOrGivenUp() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        SyntheticImages.writeFolder(root.resolve("other"), 1);
        Files.writeString(root.resolve("images").resolve(ProjectStore.DIRECTORY), "blocks the project folder");
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = modelFree(root, ui)) {
            vm.openFolder(root.resolve("images"));
            vm.categories().add("cat");
            assertFalse(vm.openFolder(root.resolve("other")));
            assertEquals(root.resolve("images").toAbsolutePath(), vm.openFolderProperty().get(), "the folder stays open");
            assertEquals(2, vm.categories().categories().size());
            vm.resolveSaveFailure(UnsavedChangesDecision.RETRY);
            assertTrue(vm.saveFailureProperty().get() != null, "the retry failed again and is asked again");
            vm.resolveSaveFailure(UnsavedChangesDecision.LEAVE_WITHOUT_SAVING);
            assertEquals(root.resolve("other").toAbsolutePath(), vm.openFolderProperty().get());
        }
    }

    @Test
    void aProjectFileOfANewerVersionIsAnAlertAndStaysUntouched() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        Path projectFile = root.resolve("images").resolve(ProjectStore.DIRECTORY).resolve(ProjectStore.FILE_NAME);
        Files.createDirectories(projectFile.getParent());
        String newer = "{\"format\": \"sam-annotator-project\", \"formatVersion\": 3}";
        Files.writeString(projectFile, newer);
        try (MainViewModel vm = modelFree(root, new QueueExecutor())) {
            assertFalse(vm.openFolder(root.resolve("images")));
            assertTrue(vm.alertProperty().get().contains("newer SAM Annotator (format 3"), vm.alertProperty().get());
            assertEquals(null, vm.openFolderProperty().get());
            assertEquals(newer, Files.readString(projectFile));
        }
    }

    @Test
    void aFolderOpenInAnotherWindowIsRefusedUntilThatWindowCloses() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 1);
        try (MainViewModel first = modelFree(root, new QueueExecutor());
                MainViewModel second = modelFree(root, new QueueExecutor())) {
            assertTrue(first.openFolder(root.resolve("images")));
            assertTrue(first.openFolder(root.resolve("images")), "reopening in the same window keeps its lock");
            assertFalse(second.openFolder(root.resolve("images")));
            assertTrue(second.alertProperty().get().contains("open in another SAM Annotator window"),
                    second.alertProperty().get());
            assertEquals(null, second.openFolderProperty().get());
            first.close();
            assertTrue(second.openFolder(root.resolve("images")));
        }
    }

    @Test
    void exportInTheBackgroundReportsOnTheUiExecutor() throws Exception {
        SyntheticImages.writeFolder(root.resolve("images"), 2);
        QueueExecutor ui = new QueueExecutor();
        try (MainViewModel vm = modelFree(root, ui)) {
            vm.openFolder(root.resolve("images"));
            Path target = root.resolve("out.json");
            String[] message = {null};
            vm.export(org.samannotator.core.formats.AnnotationFormat.COCO, target,
                    org.samannotator.core.formats.ExportOptions.DEFAULT, outcome -> message[0] = outcome.message());
            ui.runUntil(() -> message[0] != null, AnnotatorHarness.TIMEOUT, "export finished");
            assertTrue(message[0].startsWith("Exported 0 objects of 2 images"), message[0]);
            assertTrue(Files.exists(target));
        }
    }
}
