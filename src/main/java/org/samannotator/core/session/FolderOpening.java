package org.samannotator.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ProjectFileException;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.annotation.ProjectStore.LoadResult;

/**
 * A folder read and locked, ready to become the session's open folder: its image files (natural order),
 * its project store and loaded project, and its {@link FolderLock} (null when the lock file cannot be
 * created, e.g. in a read-only folder, where saving reports its own failure); {@code readNanos}: how long
 * reading it took.
 */
record FolderOpening(Path folder, List<String> files, ProjectStore store, LoadResult loaded, FolderLock lock,
        long readNanos) {

    /**
     * Lists, locks and loads {@code folder}. {@code heldLock} is the lock this session already holds on it
     * (reopening the same folder), or null.
     *
     * @throws FolderLock.FolderInUseException when another window or process has the folder open
     * @throws IOException or ProjectFileException when the folder or its project cannot be read
     */
    static FolderOpening prepare(Path folder, FolderLock heldLock) throws IOException, ProjectFileException {
        long started = System.nanoTime();
        List<String> files = org.samannotator.core.annotation.ImageFolder.listImages(folder);
        FolderLock lock = heldLock != null ? heldLock : lock(folder);
        try {
            ProjectStore store = new ProjectStore(folder);
            if (lock != null && heldLock == null) {
                // only on a fresh lock: with the lock already held, a save of this app may be under way
                store.deleteLeftoverTemporaryFiles();
            }
            LoadResult loaded = store.load();
            return new FolderOpening(folder, files, store, loaded, lock, System.nanoTime() - started);
        } catch (RuntimeException e) {
            if (lock != null && lock != heldLock) {
                lock.close();
            }
            throw e;
        }
    }

    private static FolderLock lock(Path folder) throws FolderLock.FolderInUseException {
        try {
            return FolderLock.acquire(folder);
        } catch (FolderLock.FolderInUseException e) {
            throw e;
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(FolderOpening.class)
                    .warn("No folder lock in {} (saving will report why): {}", folder, e.toString());
            return null;
        }
    }

    /**
     * Logs how long the annotator waited for the folder: reading it (on the reader thread when opened in the
     * background, the window stays responsive meanwhile) and then showing it ({@code showNanos}, on the
     * session thread), not the question whether to leave the folder open before.
     */
    void logOpened(long showNanos) {
        org.slf4j.LoggerFactory.getLogger(FolderOpening.class).info("Opened {} ({} images, {} in the project)"
                + " in {} ms (reading {} ms, showing {} ms)", folder, files.size(), loaded.data().images().size(),
                (readNanos + showNanos) / 1_000_000, readNanos / 1_000_000, showNanos / 1_000_000);
    }

    /** The sentence for the user when {@link #prepare} failed. */
    static String describeFailure(Path folder, Exception e) {
        if (e instanceof FolderLock.FolderInUseException) {
            return e.getMessage() + "\nIt was not opened here, so the two windows cannot overwrite each other's"
                    + " annotations.";
        }
        return "Cannot open folder " + folder + ": " + e.getMessage();
    }

    /** Releases the lock unless it is {@code kept} (the session's lock on the same folder). */
    void releaseLockUnless(FolderLock kept) {
        if (lock != null && lock != kept) {
            lock.close();
        }
    }
}
