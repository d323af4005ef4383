package org.samannotator.gui.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.samannotator.core.io.AtomicFiles;

/**
 * The most recently opened folders, newest first, at most {@value #LIMIT}, stored one absolute path per line
 * in a small text file (by default {@code ~/.sam-annotator/recent-folders.txt}). Folders that no longer
 * exist are dropped when read. Writes are atomic (a crash never leaves half a list). Storage failures are
 * ignored: the list is a convenience.
 */
public final class RecentFolders {
    public static final int LIMIT = 10;

    private final Path file;

    public RecentFolders(Path file) {
        this.file = file;
    }

    public static RecentFolders inUserHome() {
        return new RecentFolders(Path.of(System.getProperty("user.home"), ".sam-annotator", "recent-folders.txt"));
    }

    public List<Path> list() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).filter(Files::isDirectory).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Moves {@code folder} to the top of the list. */
    public void add(Path folder) {
        List<Path> folders = new ArrayList<>(list());
        Path absolute = folder.toAbsolutePath().normalize();
        folders.remove(absolute);
        folders.add(0, absolute);
        try {
            Files.createDirectories(file.getParent());
            String text = folders.stream().limit(LIMIT).map(Path::toString).collect(Collectors.joining("\n", "", "\n"));
            AtomicFiles.writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Not remembering a folder must never stop the app from opening it.
        }
    }
}
