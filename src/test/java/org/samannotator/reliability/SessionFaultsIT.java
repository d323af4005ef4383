package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.model.InstalledModel;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.ClickSegmenter;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.session.ImageState;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;
import org.samannotator.gui.main.MainViewModel;
import org.samannotator.gui.main.RecentFolders;
import org.samannotator.gui.main.UnsavedChangesDecision;

/**
 * Environment faults while a folder is open in the app (its {@link MainViewModel} with the real model): a
 * full disk, a folder made read-only, the folder renamed away, an image replaced on disk. Each time the
 * status bar (or the leave dialog) says what happened and what to do, the file on disk keeps its last saved
 * state, and once the fault is gone every object made meanwhile is saved. Disk full and read-only use a
 * small tmpfs (root only; skipped otherwise).
 */
class SessionFaultsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private final QueueExecutor ui = new QueueExecutor();
    private MainViewModel vm;
    private Path mount;
    private Path immutable;

    @AfterEach
    void tearDown() throws Exception {
        if (vm != null) {
            vm.close();
        }
        if (immutable != null) {
            MountCommands.run("chattr", "-i", immutable.toString());
        }
        if (mount != null) {
            MountCommands.run("umount", mount.toString());
        }
    }

    @Test
    void fullDiskKeepsTheSavedFileAndSavesOnceThereIsRoom() throws Exception {
        Path folder = mountedFolder("size=1m");
        annotate(1);
        byte[] saved = Files.readAllBytes(projectFile(folder));
        Path filler = folder.resolve("filler");
        fill(filler);
        annotate(2);
        assertTrue(vm.status().saveFailedProperty().get());
        String message = vm.status().saveProperty().get();
        assertTrue(message.contains("the disk is full") && message.contains("Free some disk space"), message);
        assertArrayEquals(saved, Files.readAllBytes(projectFile(folder)), "the saved file is unchanged");
        assertFalse(vm.requestClose(() -> { }), "leaving must not silently drop the unsaved object");
        assertTrue(vm.saveFailureProperty().get().contains("the disk is full"), vm.saveFailureProperty().get());
        Files.delete(filler);
        vm.resolveSaveFailure(UnsavedChangesDecision.RETRY);
        assertEquals(2, savedObjects(folder), "both objects are saved once there is room");
    }

    @Test
    void readOnlyFolderOpensAndSavesOnceWritable() throws Exception {
        assumeTrue(MountCommands.isRoot(), "mounting a small tmpfs needs root");
        mount = Files.createDirectory(dir.resolve("mnt"));
        assumeTrue(MountCommands.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0);
        SyntheticImages.writeFolder(mount, 2);
        assertEquals(0, MountCommands.run("mount", "-o", "remount,ro", mount.toString()));
        open(mount);
        annotate(1);
        String message = vm.status().saveProperty().get();
        assertTrue(vm.status().saveFailedProperty().get(), message);
        assertTrue(message.contains("read-only") && message.contains("Choose a folder you can write to"), message);
        assertFalse(vm.requestClose(() -> { }), "leaving must not silently drop the unsaved object");
        assertEquals(0, MountCommands.run("mount", "-o", "remount,rw", mount.toString()));
        vm.resolveSaveFailure(UnsavedChangesDecision.RETRY);
        assertEquals(1, savedObjects(mount), "the object is saved once the folder is writable");
    }

    @Test
    void folderMadeReadOnlyWhileOpenKeepsTheSavedFile() throws Exception {
        assumeTrue(MountCommands.isRoot(), "chattr +i needs root");
        Path folder = dir.resolve("photos");
        SyntheticImages.writeFolder(folder, 2);
        open(folder);
        annotate(1);
        byte[] saved = Files.readAllBytes(projectFile(folder));
        immutable = projectFile(folder).getParent();
        assumeTrue(MountCommands.run("chattr", "+i", immutable.toString()) == 0, "chattr +i not supported here");
        annotate(2);
        String message = vm.status().saveProperty().get();
        assertTrue(vm.status().saveFailedProperty().get(), message);
        assertTrue(message.contains("read-only"), message);
        assertArrayEquals(saved, Files.readAllBytes(projectFile(folder)), "the saved file is unchanged");
        assertEquals(0, MountCommands.run("chattr", "-i", immutable.toString()));
        annotate(3);
        assertFalse(vm.status().saveFailedProperty().get(), vm.status().saveProperty().get());
        assertEquals(3, savedObjects(folder), "every object is saved once the folder is writable again");
    }

    @Test
    void folderRenamedWhileOpenSaysSoAndSavesWhenItIsBack() throws Exception {
        Path folder = dir.resolve("photos");
        SyntheticImages.writeFolder(folder, 3);
        open(folder);
        annotate(1);
        Path moved = Files.move(folder, dir.resolve("photos-renamed"));
        annotate(2);
        String message = vm.status().saveProperty().get();
        assertTrue(vm.status().saveFailedProperty().get(), message);
        assertTrue(message.contains("does not exist (deleted or renamed?)"), message);
        vm.nextImage(1);
        ui.runUntil(() -> vm.canvas().imageStateProperty().get() == ImageState.FAILED, TIMEOUT, "image failed");
        String activity = vm.status().activityProperty().get();
        assertTrue(activity.contains("does not exist") && activity.contains("moved, renamed or deleted"), activity);
        assertFalse(vm.requestClose(() -> { }), "leaving must not silently drop the unsaved object");
        Files.move(moved, folder);
        vm.resolveSaveFailure(UnsavedChangesDecision.RETRY);
        assertEquals(2, savedObjects(folder), "both objects are saved once the folder is back");
    }

    @Test
    void imageReplacedOnDiskIsEncodedAgainAndAnotherSizeKeepsItsObjects() throws Exception {
        Path folder = dir.resolve("photos");
        SyntheticImages.writeFolder(folder, 3);
        open(folder);
        annotate(1);
        vm.nextImage(1);
        awaitState(ImageState.READY);
        ImageIO.write(SyntheticImages.image(7, 640, 480), "png", folder.resolve("img1.png").toFile());
        vm.nextImage(-1);
        awaitState(ImageState.READY);
        assertEquals("Ready", vm.status().activityProperty().get(), "a replaced image is never given the old embedding");
        vm.nextImage(1);
        awaitState(ImageState.READY);
        ImageIO.write(SyntheticImages.image(7, 800, 600), "png", folder.resolve("img1.png").toFile());
        vm.nextImage(-1);
        awaitState(ImageState.FAILED);
        String activity = vm.status().activityProperty().get();
        assertTrue(activity.contains("800 x 600") && activity.contains("640 x 480") && activity.contains("put the"),
                activity);
        vm.flushSaves();
        assertEquals(1, savedObjects(folder), "the object annotated on the old image is kept");
    }

    /** The model's files deleted while the app runs: nothing is lost, and the next start names what is missing. */
    @Test
    void modelFilesDeletedWhileOpenKeepTheLoadedModelWorkingAndASecondStartSaysWhatIsMissing() throws Exception {
        InstalledModel installed = TestModels.defaultModel();
        Path models = Files.createDirectory(dir.resolve("models"));
        InstalledModel copy = new InstalledModel(installed.entry(),
                Files.copy(installed.encoderFile(), models.resolve(installed.encoderFile().getFileName())),
                Files.copy(installed.decoderFile(), models.resolve(installed.decoderFile().getFileName())));
        Path folder = dir.resolve("photos");
        SyntheticImages.writeFolder(folder, 3);
        open(folder, copy);
        annotate(1);
        Files.delete(copy.encoderFile());
        Files.delete(copy.decoderFile());
        annotate(2);
        vm.nextImage(1);
        awaitState(ImageState.READY);
        annotate(1);
        assertFalse(vm.status().saveFailedProperty().get(), vm.status().saveProperty().get());
        assertEquals(3, savedObjects(folder), "the loaded model keeps working and every object is saved");
        vm.close();
        vm = null;
        open(folder, copy, ImageState.NO_MODEL);
        String model = vm.status().modelProperty().get();
        assertTrue(model.contains("cannot read model file") && model.contains(copy.encoderFile().toString())
                && model.contains("models fetch"), model);
        assertFalse(vm.status().modelAvailableProperty().get());
        assertEquals(3, savedObjects(folder), "a missing model loses nothing already saved");
    }

    private Path mountedFolder(String options) throws Exception {
        assumeTrue(MountCommands.isRoot(), "mounting a small tmpfs needs root");
        mount = Files.createDirectory(dir.resolve("mnt"));
        assumeTrue(MountCommands.run("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString()) == 0,
                "cannot mount");
        Path folder = mount;
        SyntheticImages.writeFolder(folder, 2);
        open(folder);
        return folder;
    }

    private void open(Path folder) {
        open(folder, TestModels.defaultModel());
    }

    private void open(Path folder, InstalledModel model) {
        open(folder, model, ImageState.READY);
    }

    private void open(Path folder, InstalledModel model, ImageState expected) {
        vm = new MainViewModel(() -> new ClickSegmenter(SamPredictor.load(model), ClickLevers.plain()),
                new EmbeddingCache(dir.resolve("cache"), EmbeddingCache.DEFAULT_MAX_BYTES),
                new RecentFolders(dir.resolve("recent.txt")), ui);
        assertTrue(vm.openFolder(folder));
        awaitState(expected);
    }

    private void awaitState(ImageState state) {
        ui.runUntil(() -> vm.canvas().imageStateProperty().get() == state, TIMEOUT, "image " + state);
    }

    /** Clicks on the disc, accepts, and waits for the autosave (saved or failed): object {@code n} of the image. */
    private void annotate(int n) {
        String file = vm.session().currentFile().orElseThrow();
        int[] c = SyntheticImages.discCentre(Integer.parseInt(file.replaceAll("\\D", "")));
        vm.session().click(new ImagePoint(c[0] + n, c[1]), false, 1);
        ui.runUntil(() -> vm.session().candidate().map(cd -> !cd.isDecodePending()).orElse(false), TIMEOUT, "decode");
        vm.accept();
        assertEquals(n, vm.session().current().objects().size());
        vm.flushSaves();
        ui.drain();
    }

    private static Path projectFile(Path folder) {
        return new ProjectStore(folder).projectFile();
    }

    private static int savedObjects(Path folder) {
        ProjectStore.LoadResult loaded = new ProjectStore(folder).load();
        assertEquals(Optional.empty(), loaded.warning());
        return loaded.data().images().stream().mapToInt(i -> i.objects().size()).sum();
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space")) {
                throw e;
            }
        }
    }
}
