package org.samannotator.core.annotation;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Copies a loaded project file aside, as {@code project.samproj.before-repair-<time>}, the first time a
 * repair or a damaged entry needs it, and gives the same copy to every later caller: the copy is made before
 * the app's first save leaves anything out, so it holds every entry as the file had it. Also for entries read
 * long after opening: until an entry is read, every save writes its text unchanged.
 */
final class OriginalCopy implements ImageEntryText.OriginalKeeper {
    private final Path file;
    private ImageEntryText.Kept kept;

    OriginalCopy(Path file) {
        this.file = file;
    }

    @Override
    public synchronized ImageEntryText.Kept keepOriginal() {
        if (kept == null || !kept.kept()) {
            kept = copy();
        }
        return kept;
    }

    private ImageEntryText.Kept copy() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int attempt = 1; ; attempt++) {
            Path copy = file.resolveSibling(file.getFileName() + ".before-repair-" + stamp
                    + (attempt == 1 ? "" : "-" + attempt));
            try {
                Files.copy(file, copy);
                return new ImageEntryText.Kept(true, "The original was kept as " + copy.getFileName() + ".");
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    return failed(e);
                }
            } catch (IOException e) {
                return failed(e);
            }
        }
    }

    private ImageEntryText.Kept failed(IOException e) {
        org.slf4j.LoggerFactory.getLogger(OriginalCopy.class).warn("cannot copy {} aside: {}", file, e.toString());
        return new ImageEntryText.Kept(false, "The project file " + file + " could not be copied aside ("
                + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage()
                + "), so the entry is saved unchanged; editing this image would drop what could not be read.");
    }
}
