package org.samannotator.core.annotation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a folder's project, so that two SAM Annotator windows never autosave the same
 * folder: an OS file lock on {@code <folder>/.sam-annotator/lock}, held until {@link #close()}. The OS
 * releases it when the process dies, so a crash never leaves the folder locked. Within one JVM a second
 * lock on the same folder is refused as well.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = "lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder}'s project. Throws {@link FolderInUseException} when another process (or another
     * lock in this JVM) holds it, {@link IOException} when the lock file cannot be created (read-only folder,
     * a file named {@code .sam-annotator}...).
     */
    public static FolderLock acquire(Path folder) throws IOException {
        Path dir = folder.resolve(ProjectStore.DIRECTORY);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new FolderInUseException(folder);
        }
        return new FolderLock(file, channel, lock);
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (the lock file stays; it is empty and harmless). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock at exit at the latest.
        }
    }

    /** The folder is open in another SAM Annotator window (process), or already locked in this JVM. */
    public static final class FolderInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        public FolderInUseException(Path folder) {
            super("This folder is open in another SAM Annotator window: " + folder);
        }
    }
}
