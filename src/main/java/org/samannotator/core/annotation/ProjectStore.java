package org.samannotator.core.annotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.io.AtomicFiles;

/**
 * Reads and writes a folder's project file, {@code <folder>/.sam-annotator/project.samproj} (JSON; the extension lets the desktop associate it with the app). Writes are atomic
 * (temporary file, fsync, ATOMIC_MOVE). A file that cannot be parsed is never overwritten: {@link #load}
 * renames it to {@code project.samproj.corrupt-<timestamp>} and reports that in {@link LoadResult#warning()}.
 * A file of a newer format version ("formatVersion" above {@code ProjectJson.VERSION}) is left alone and
 * {@link #load} throws {@link ProjectFileException}.
 */
public final class ProjectStore {
    public static final String DIRECTORY = ".sam-annotator";
    public static final String FILE_NAME = "project.samproj";

    private final Path folder;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Reads image by image; writes unchanged images from their cached text (see {@link ProjectFileStreams}). */
    private final ProjectFileStreams streams = new ProjectFileStreams(mapper);

    public ProjectStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Path projectFile() {
        return folder.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    /**
     * The project index beside the project file, written after each save: what opening needs of each image,
     * so that opening need not scan the whole project file. A cache, never needed: a missing, damaged or
     * outdated index is ignored.
     */
    public Path indexFile() {
        return ProjectIndex.fileOf(projectFile());
    }

    /** Loaded data plus, when the old file was corrupt and was moved aside, a message saying so. */
    public record LoadResult(ProjectData data, Optional<String> warning) {
    }

    /** Reads the project; a missing file gives an empty project. IO errors throw {@link ProjectFileException}. */
    public synchronized LoadResult load() {
        Path file = projectFile();
        if (!Files.exists(file)) {
            return new LoadResult(ProjectData.empty(), Optional.empty());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot read project file: " + e.getMessage(), e);
        }
        ProjectFileStreams.Parsed parsed;
        OriginalCopy original = new OriginalCopy(file);
        try {
            parsed = streams.read(bytes, original, ProjectIndex.readFor(indexFile(), bytes));
        } catch (IOException | RuntimeException e) {
            return movedAside(file, e);
        }
        checkNotNewer(file, parsed.header());
        List<String> repairs = new ArrayList<>();
        ProjectData data;
        try {
            if (parsed.imageError() != null) {
                ProjectJson.requireFormat(parsed.header());
                throw parsed.imageError();
            }
            data = parsed.consistent() ? ProjectJson.readConsistent(parsed.header(), parsed.images())
                    : ProjectJson.read(parsed.header(), parsed.images(), repairs);
        } catch (RuntimeException e) {
            streams.forgetFragments();
            return movedAside(file, e);
        }
        List<String> problems = data.images().stream().map(EntryList::problemIfRead)
                .flatMap(Optional::stream).toList();
        if (repairs.isEmpty()) {
            return new LoadResult(data, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems)));
        }
        return repaired(file, data, repairs, original, problems);
    }

    /** A file of a newer format is neither moved aside nor overwritten: opening the folder is refused. */
    private static void checkNotNewer(Path file, com.fasterxml.jackson.databind.JsonNode root) {
        int version = ProjectJson.formatVersion(root);
        if (version > ProjectJson.VERSION) {
            throw new ProjectFileException(file, "written by a newer SAM Annotator (format " + version
                    + "; this version reads format " + ProjectJson.VERSION + " and older). Update SAM Annotator"
                    + " to open this folder.", null);
        }
    }

    /**
     * The repaired project, the original file copied aside (it is overwritten by the next save), with the
     * {@code problems} of entries the checks had to read (they share the copy).
     */
    private LoadResult repaired(Path file, ProjectData data, List<String> repairs, OriginalCopy original,
            List<String> problems) {
        ImageEntryText.Kept kept = original.keepOriginal();
        if (!kept.kept()) {
            streams.forgetFragments();
            throw new ProjectFileException(file, "project file is inconsistent (" + String.join("; ", repairs)
                    + ") and could not be copied aside before repairing it: " + kept.sentence(), null);
        }
        String warning = "The project file " + file + " was inconsistent and was repaired: " + String.join("; ", repairs)
                + ". " + kept.sentence();
        return new LoadResult(data, Optional.of(problems.isEmpty() ? warning
                : warning + "\n" + String.join("\n", problems)));
    }

    private LoadResult movedAside(Path file, Exception e) {
        Path aside = moveAside(file);
        return new LoadResult(ProjectData.empty(), Optional.of("The project file " + file + " is damaged ("
                + e.getMessage() + "). It was kept as " + aside.getFileName() + " and a new project was started."));
    }

    /**
     * Deletes the temporary files a killed save left next to the project file (call while holding the
     * folder's lock: no other process is saving). Returns how many were deleted.
     */
    public int deleteLeftoverTemporaryFiles() {
        Path dir = projectFile().getParent();
        String prefix = "." + FILE_NAME + ".";
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && org.samannotator.core.io.AtomicFiles.isTemporaryFileName(name)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ProjectStore.class).debug("cannot list {}: {}", dir, e.toString());
        }
        return deleted;
    }

    /** Writes the project atomically; throws {@link ProjectFileException} naming the file on failure. */
    public synchronized void save(ProjectData data) {
        Path file = projectFile();
        if (!Files.isDirectory(folder)) {
            // never recreate a deleted or renamed image folder just to hold the project file
            throw new ProjectFileException(file, "cannot save project: " + new org.samannotator.core.io
                    .FileWriteException(file, new java.nio.file.NoSuchFileException(folder.toString())).getMessage(),
                    null);
        }
        try {
            // checked here, on the saving thread, so that opening need not (see ProjectIndex)
            boolean consistent = ProjectRepairs.isConsistent(data);
            AtomicFiles.write(file, out -> streams.write(data, consistent, out));
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot save project: " + describe(e), e);
        }
        writeIndex();
    }

    /**
     * Writes the index of the file just saved. A failure costs only speed at the next opening (the outdated
     * index is ignored and the project file scanned), so it is logged, not reported.
     */
    private void writeIndex() {
        try {
            ProjectIndex.write(indexFile(), streams.writtenIndex());
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ProjectStore.class).info("project index {} not written: {}",
                    indexFile(), e.toString());
        }
    }

    private Path moveAside(Path file) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            return Files.move(file, aside);
        } catch (IOException e) {
            throw new ProjectFileException(file, "project file is damaged and could not be moved aside: "
                    + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof org.samannotator.core.io.FileWriteException) {
            return e.getMessage();
        }
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }
}
