package org.samannotator.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchTargetTest {
    @TempDir
    Path dir;

    @Test
    void folderOpensAsIs() {
        assertEquals(new LaunchTarget(dir.toAbsolutePath().normalize(), Optional.empty()), LaunchTarget.resolve(dir));
    }

    @Test
    void imageOpensItsFolderOnThatImage() throws IOException {
        Path image = Files.createFile(dir.resolve("cat.JPG"));
        LaunchTarget target = LaunchTarget.resolve(image);
        assertEquals(dir.toAbsolutePath().normalize(), target.folder());
        assertEquals(Optional.of("cat.JPG"), target.image());
        assertArrayEquals(new String[] {target.folder().toString(), "cat.JPG"}, target.toArguments());
    }

    @Test
    void projectFileOpensTheAnnotatedFolder() throws IOException {
        Path project = Files.createDirectories(dir.resolve(".sam-annotator")).resolve("project.samproj");
        Files.writeString(project, "{}");
        assertEquals(new LaunchTarget(dir.toAbsolutePath().normalize(), Optional.empty()), LaunchTarget.resolve(project));
    }

    @Test
    void otherFilesAndMissingPathsAreClearErrors() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaunchTarget.resolve(text)).getMessage().contains("notes.txt"));
        assertThrows(IllegalArgumentException.class, () -> LaunchTarget.resolve(dir.resolve("missing")));
    }
}
