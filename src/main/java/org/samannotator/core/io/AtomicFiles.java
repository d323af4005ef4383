package org.samannotator.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic file replacement: the content is written to a temporary file in the same directory, forced to
 * disk (fsync), then renamed over the target with an atomic move. A crash or a full disk at any moment
 * leaves either the old file or the new one, never a truncated mix; on failure the temporary file is
 * removed and the old file is untouched.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * Writes bytes produced by {@code content} to {@code target} atomically.
     *
     * @throws FileWriteException when the file system refuses (read-only folder, full disk, missing folder):
     *     the message names the file and says what to do; {@code target} is unchanged
     * @throws IOException any other failure of {@code content} itself, unchanged
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            writeAtomically(absolute, content);
        } catch (FileWriteException e) {
            throw e;
        } catch (java.nio.file.FileSystemException | java.nio.channels.ClosedChannelException e) {
            throw new FileWriteException(absolute, e);
        } catch (IOException e) {
            IOException fileSystemCause = fileSystemCause(e);
            throw fileSystemCause != null ? new FileWriteException(absolute, fileSystemCause) : e;
        }
    }

    /**
     * The exception in the cause chain that comes from the file system (writers such as ImageIO's wrap "No
     * space left on device" in their own IOException), or null when the failure is the content's own.
     */
    private static IOException fileSystemCause(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean diskFull = t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no space left");
            if (t instanceof IOException io && (diskFull || t instanceof java.nio.file.FileSystemException)) {
                return io;
            }
        }
        return null;
    }

    private static void writeAtomically(Path absolute, ContentWriter content) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX));
        try {
            keepPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush(); // writers such as Jackson close their target: keep the channel open for fsync
                    }
                });
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Deletes the temporary files that writes of {@code target} left behind when their process was killed
     * (hidden files {@code .NAME.<id>.tmp} beside it) and that were last modified more than {@code olderThan}
     * ago, so that a write of the same target by another process now is left alone. For targets written
     * without a lock, such as exports; returns how many were deleted.
     */
    public static int deleteStaleTemporaryFiles(Path target, java.time.Duration olderThan) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String prefix = "." + absolute.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        int deleted = 0;
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                file -> file.getFileName().toString().startsWith(prefix) && isTemporaryFileName(file.getFileName().toString()))) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toMillis() < cutoff && Files.deleteIfExists(temp)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.debug("stale temporary files of {} not deleted: {}", absolute, e.toString());
        }
        return deleted;
    }

    /**
     * The exact name of a temporary file this class creates ({@code .NAME.<random UUID>.tmp}): strict, so that
     * a folder export can clean a user's folder without touching other programs' hidden files.
     */
    private static final java.util.regex.Pattern OWN_TEMPORARY = java.util.regex.Pattern.compile(
            "\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    /**
     * Deletes, in {@code dir} and its non-hidden subfolders down to {@code depth} levels, the temporary files
     * of this class (named exactly {@code .NAME.<random UUID>.tmp}) last modified more than {@code olderThan} ago: what exports into
     * a folder (one file per image) left when their process was killed. Hidden folders (such as the project's
     * {@code .sam-annotator}, cleaned under its lock) are not entered. Returns how many were deleted.
     */
    public static int deleteStaleTemporaryFilesIn(Path dir, int depth, java.time.Duration olderThan) {
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        int deleted = 0;
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (depth > 0 && !name.startsWith(".") && Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleted += deleteStaleTemporaryFilesIn(entry, depth - 1, olderThan);
                } else if (OWN_TEMPORARY.matcher(name).matches() && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(entry).toMillis() < cutoff && Files.deleteIfExists(entry)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.debug("stale temporary files in {} not deleted: {}", dir, e.toString());
        }
        return deleted;
    }

    /** True for the name of a temporary file this class creates (left behind only by a crash). */
    public static boolean isTemporaryFileName(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * The temporary file is created with the process umask (like any new file); when it replaces an
     * existing file, that file's POSIX permissions are carried over so a shared dataset stays readable.
     */
    private static void keepPermissions(Path existing, Path temp) {
        try {
            if (Files.exists(existing)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): permissions are inherited from the folder there
            LOG.debug("permissions of {} not carried over: {}", existing, e.toString());
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("atomic rename not supported for {}, replacing it non-atomically", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there.
            LOG.debug("cannot fsync folder {}: {}", dir, e.toString());
        }
    }

    /** Writes the whole content to the stream (closing it is harmless: the file is synced and closed afterwards). */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
