package org.samannotator.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file could not be written (read-only folder, full disk, missing folder, ...). The message says what
 * failed, which file, and what to do, e.g. {@code "Cannot write /out/mask.png: the disk is full (No space left
 * on device). Free some disk space or choose another folder; nothing was changed in /out/mask.png."}.
 * The cause is the original exception.
 */
public final class FileWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FileWriteException(Path file, IOException cause) {
        super(describe(file, cause), cause);
        this.file = file;
    }

    /** The file that was to be written. */
    public Path file() {
        return file;
    }

    private static String describe(Path file, IOException cause) {
        String detail = detail(cause);
        String reason;
        String advice;
        if (isDiskFull(detail)) {
            reason = "the disk is full";
            advice = "Free some disk space or choose another folder";
        } else if (cause instanceof AccessDeniedException || detail.toLowerCase(Locale.ROOT).contains("read-only")
                || detail.toLowerCase(Locale.ROOT).contains("permission denied")
                || detail.toLowerCase(Locale.ROOT).contains("operation not permitted")) {
            reason = "the folder is read-only or you may not write there";
            advice = "Choose a folder you can write to, or change its permissions";
        } else if (cause instanceof FileAlreadyExistsException) {
            reason = "a file is in the way of the folder";
            advice = "Rename or remove that file, or choose another folder";
        } else if (cause instanceof NoSuchFileException) {
            reason = "the folder does not exist (deleted or renamed?)";
            advice = "Check the folder, or choose another one";
        } else {
            reason = "the write failed";
            advice = "Check the folder and the disk, or choose another folder";
        }
        return "Cannot write " + file + ": " + reason + " (" + detail + "). " + advice + "; nothing was changed in "
                + file.getFileName() + ".";
    }

    private static boolean isDiskFull(String detail) {
        String text = detail.toLowerCase(Locale.ROOT);
        return text.contains("no space left") || text.contains("disk full") || text.contains("not enough space")
                || text.contains("quota");
    }

    private static String detail(IOException cause) {
        if (cause instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : String.valueOf(fs.getFile());
        }
        String type = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }
}
