package org.samannotator.reliability.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.samannotator.core.annotation.FolderLock;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.coco.CocoReader;
import org.samannotator.core.embedding.CacheEntries;
import org.samannotator.core.io.AtomicFiles;

/**
 * What is on disk after one SIGKILL of the {@link SessionDriver}, checked the way a restarted app would see
 * it: the project file loads without being moved aside, the COCO export parses, every embedding-cache entry
 * is intact, the folder lock can be taken, and the saved objects are those of the last action the driver
 * saw acknowledged (or of the one action it had started after it).
 */
record CrashCheck(String phase, List<String> tempFiles, List<String> corrupt, boolean lockFree, ProjectState saved,
        Optional<String> lost, boolean opened, List<String> readyLines) {

    static CrashCheck after(Path folder, Path cache, Path export, Path journal, ProjectState before)
            throws IOException {
        List<String> lines = Journal.read(journal);
        List<String> temps = tempFiles(folder.resolve(ProjectStore.DIRECTORY), "autosave");
        temps.addAll(tempFiles(cache, "cache write"));
        temps.addAll(tempFiles(export.getParent(), "export"));
        List<String> corrupt = new ArrayList<>();
        ProjectStore.LoadResult loaded = new ProjectStore(folder).load();
        loaded.warning().ifPresent(w -> corrupt.add("project: " + w));
        if (Files.exists(export)) {
            try {
                CocoReader.read(export);
            } catch (IOException | RuntimeException e) {
                corrupt.add("export: " + e.getMessage());
            }
        }
        for (Path entry : CacheEntries.entries(cache)) {
            if (!CacheEntries.intact(entry)) {
                corrupt.add("cache entry " + entry.getFileName());
            }
        }
        ProjectState saved = ProjectState.of(loaded.data());
        boolean opened = lines.stream().anyMatch(l -> l.startsWith("opened"));
        List<String> readies = lines.stream().filter(l -> l.startsWith("ready ")).toList();
        return new CrashCheck(phase(lines), temps, corrupt, lockFree(folder), saved, lost(lines, before, saved),
                opened, readies);
    }

    private static boolean lockFree(Path folder) {
        try (FolderLock lock = FolderLock.acquire(folder)) {
            return lock != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Empty when the saved state is the last acknowledged one (or the state before this run when nothing was
     * acknowledged), or the counts announced by the intent after it; else what was lost.
     */
    static Optional<String> lost(List<String> lines, ProjectState before, ProjectState saved) {
        String acked = before.exact();
        String pendingCounts = null;
        for (String line : lines) {
            if (line.startsWith("ack ")) {
                acked = line.split(" ", 3).length > 2 ? line.split(" ", 3)[2] : "";
                pendingCounts = null;
            } else if (line.startsWith("intent ")) {
                pendingCounts = line.split(" ")[3];
            }
        }
        if (saved.exact().equals(acked)) {
            return Optional.empty();
        }
        if (pendingCounts != null && ProjectState.countsToken(saved.counts()).equals(pendingCounts)) {
            return Optional.empty();
        }
        return Optional.of("saved [" + saved.exact() + "], last acknowledged [" + acked + "]"
                + (pendingCounts == null ? "" : ", in flight " + pendingCounts));
    }

    /** What the driver was doing: the model load until the model is ready, else its last phase line. */
    private static String phase(List<String> lines) {
        if (lines.isEmpty()) {
            return "JVM start";
        }
        boolean loading = lines.contains("model LOADING") && !lines.contains("model READY");
        if (loading) {
            return "model load";
        }
        String phase = "JVM start";
        for (String line : lines) {
            if (line.startsWith("phase ")) {
                phase = line.substring(6);
            }
        }
        return phase;
    }

    private static List<String> tempFiles(Path dir, String what) throws IOException {
        List<String> found = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> AtomicFiles.isTemporaryFileName(f.getFileName().toString()))
                        .forEach(f -> found.add(what + ": " + f.getFileName()));
            }
        }
        return found;
    }
}
