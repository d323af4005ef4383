package org.samannotator.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.gui.QueueExecutor;

/**
 * Opening folders in the background ({@link AnnotationSession#openFolderInBackground}): the folder open now
 * stays open until the new one is read, only the latest request is carried out, replaced or dropped requests
 * release their locks, failures come back as a message.
 */
class FolderOpenerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path root;
    private final QueueExecutor sessionThread = new QueueExecutor();
    private final FakeSegmenter fake = new FakeSegmenter();
    private final List<FolderOutcome> outcomes = new ArrayList<>();
    private AnnotationSession session;
    private Path first;

    @BeforeEach
    void openFirstFolder() throws Exception {
        first = folderWithImages("first", 2);
        session = new AnnotationSession(() -> fake, null, sessionThread);
        assertTrue(session.openFolder(first, Optional.empty(), () -> true).opened());
        session.openStartImage(Optional.empty(), () -> Optional.of("img0.png"));
        sessionThread.runUntil(() -> session.imageState() == ImageState.READY, TIMEOUT, "image ready");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Path folderWithImages(String name, int images) throws Exception {
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        for (int i = 0; i < images; i++) {
            ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png",
                    folder.resolve("img" + i + ".png").toFile());
        }
        return folder;
    }

    private void openInBackground(Path folder) {
        session.openFolderInBackground(folder, () -> true, outcomes::add);
    }

    private void awaitOutcomes(int count) {
        sessionThread.runUntil(() -> outcomes.size() >= count, TIMEOUT, count + " outcome(s)");
    }

    /** Whether another window could open {@code folder} now (its lock is free). */
    private static boolean lockIsFree(Path folder) {
        try (FolderLock lock = FolderLock.acquire(folder)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theOpenFolderStaysUntilTheNewOneIsReadThenItsLockIsReleased() throws Exception {
        Path second = folderWithImages("second", 3);
        openInBackground(second);

        assertEquals(Optional.of(first.toAbsolutePath().normalize()), session.folder(), "still the first folder");
        assertEquals(Optional.of(second.toAbsolutePath().normalize()), session.openingFolder());
        assertTrue(session.status().message().startsWith("Opening " + second.toAbsolutePath().normalize()),
                session.status().message());
        session.click(new ImagePoint(10, 10), false, 4); // the first folder is still usable meanwhile
        awaitOutcomes(1);

        assertTrue(outcomes.get(0).opened(), outcomes.get(0).alert().orElse(""));
        assertEquals(Optional.of(second.toAbsolutePath().normalize()), session.folder());
        assertEquals(3, session.files().size());
        assertEquals(Optional.empty(), session.openingFolder());
        assertTrue(lockIsFree(first), "the first folder's lock is released");
        assertFalse(lockIsFree(second), "the folder open now is locked");
    }

    @Test
    void onlyTheLatestRequestIsCarriedOutAndTheReplacedOneReleasesItsLock() throws Exception {
        Path second = folderWithImages("second", 1);
        Path third = folderWithImages("third", 1);
        openInBackground(second);
        openInBackground(third);
        awaitOutcomes(1);
        sessionThread.drain();

        assertEquals(1, outcomes.size(), "the replaced request ends without an outcome");
        assertEquals(Optional.of(third.toAbsolutePath().normalize()), session.folder());
        assertTrue(lockIsFree(second), "the replaced request's lock is released");
    }

    @Test
    void aRequestForTheFolderBeingReadIsIgnored() throws Exception {
        Path second = folderWithImages("second", 1);
        openInBackground(second);
        openInBackground(second);
        awaitOutcomes(1);
        sessionThread.drain();

        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).opened());
    }

    @Test
    void aFolderThatCannotBeReadGivesAMessageAndTheOpenFolderStays() {
        openInBackground(root.resolve("missing"));
        awaitOutcomes(1);

        assertFalse(outcomes.get(0).opened());
        assertTrue(outcomes.get(0).alert().orElseThrow().startsWith("Cannot open folder"), outcomes.get(0).alert().get());
        assertEquals(Optional.of(first.toAbsolutePath().normalize()), session.folder());
        assertEquals(ImageState.READY, session.imageState());
        assertFalse(session.status().message().startsWith("Opening"), "the status bar no longer says it opens");
    }

    @Test
    void aFolderOpenInAnotherWindowIsRefusedAndNothingChanges() throws Exception {
        Path second = folderWithImages("second", 1);
        try (FolderLock other = FolderLock.acquire(second)) {
            openInBackground(second);
            awaitOutcomes(1);
        }
        assertFalse(outcomes.get(0).opened());
        assertTrue(outcomes.get(0).alert().orElseThrow().contains("cannot overwrite each other"),
                outcomes.get(0).alert().get());
        assertEquals(Optional.of(first.toAbsolutePath().normalize()), session.folder());
    }

    /** Tasks posted to the session thread by a {@link FolderOpener} built on {@link #countingSessionThread()}. */
    private final java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
    /** The openings handed to {@link #recordingReplacement()}. */
    private final List<FolderOpening> replaced = new ArrayList<>();

    private java.util.concurrent.Executor countingSessionThread() {
        return task -> {
            posted.incrementAndGet();
            sessionThread.execute(task);
        };
    }

    /** A session side that records each opening it is handed and reports it opened (keeping its lock). */
    private FolderOpener.Replacement recordingReplacement() {
        return (opening, held, leave) -> {
            replaced.add(opening);
            return new FolderOutcome(true, Optional.empty());
        };
    }

    @Test
    void openingAFolderAtOnceDropsABackgroundRequestAndItsLock() throws Exception {
        Path second = folderWithImages("second", 1);
        Path third = folderWithImages("third", 1);
        FolderOpener opener = new FolderOpener(countingSessionThread(), new SessionStatus(new SessionEvents()), () -> null,
                recordingReplacement());
        assertTrue(opener.openInBackground(second, () -> true, outcomes::add));
        assertTrue(opener.open(third, () -> true).opened());

        sessionThread.runUntil(() -> posted.get() == 1, TIMEOUT, "the background read's result");
        sessionThread.drain();
        assertEquals(1, replaced.size(), "only the folder opened at once");
        assertEquals(third.toAbsolutePath().normalize(), replaced.get(0).folder());
        assertEquals(List.of(), outcomes);
        assertTrue(lockIsFree(second), "the dropped request's lock is released");
        assertEquals(Optional.empty(), opener.reading());
        replaced.get(0).releaseLockUnless(null);
        opener.close();
    }

    @Test
    void reopeningTheOpenFolderHappensAtOnce() {
        openInBackground(first);

        assertEquals(1, outcomes.size(), "no background read for the open folder");
        assertTrue(outcomes.get(0).opened());
        assertEquals(Optional.empty(), session.openingFolder());
    }

    @Test
    void whenLeavingIsRefusedTheNewFolderIsNotOpenedAndItsLockIsReleased() throws Exception {
        Path second = folderWithImages("second", 1);
        session.openFolderInBackground(second, () -> false, outcomes::add);
        awaitOutcomes(1);

        assertFalse(outcomes.get(0).opened());
        assertEquals(Optional.empty(), outcomes.get(0).alert());
        assertEquals(Optional.of(first.toAbsolutePath().normalize()), session.folder());
        assertTrue(lockIsFree(second));
    }

    @Test
    void closingDropsAPendingOpeningAndReleasesItsLock() throws Exception {
        Path second = folderWithImages("second", 1);
        FolderOpener opener = new FolderOpener(countingSessionThread(), new SessionStatus(new SessionEvents()), () -> null,
                recordingReplacement());
        assertTrue(opener.openInBackground(second, () -> true, outcomes::add));
        opener.close();

        sessionThread.runUntil(() -> posted.get() == 1, TIMEOUT, "the read's result");
        sessionThread.drain();
        assertEquals(List.of(), replaced, "not handed to the session");
        assertEquals(List.of(), outcomes);
        assertTrue(lockIsFree(second), "its lock is released");
        assertFalse(opener.openInBackground(root.resolve("first"), () -> true, outcomes::add), "closed");
    }
}
