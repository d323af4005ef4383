package org.samannotator.gui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-folders list: newest first, limited, written atomically (no temporary files left). */
class RecentFoldersTest {
    @TempDir
    Path root;

    @Test
    void foldersAreListedNewestFirstAndTheFileIsReplacedAtomically() throws Exception {
        Path file = root.resolve("settings").resolve("recent.txt");
        RecentFolders recent = new RecentFolders(file);
        for (int i = 0; i < RecentFolders.LIMIT + 2; i++) {
            Files.createDirectories(root.resolve("f" + i));
            recent.add(root.resolve("f" + i));
        }
        recent.add(root.resolve("f3"));
        List<Path> listed = new RecentFolders(file).list();
        assertEquals(RecentFolders.LIMIT, listed.size());
        assertEquals(root.resolve("f3"), listed.get(0));
        assertEquals(root.resolve("f11"), listed.get(1));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("recent.txt"), files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
