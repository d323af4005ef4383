package org.samannotator.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void replacesExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("data.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new content".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void failedWriteKeepsOldFileAndCleansUp() throws IOException {
        Path target = dir.resolve("data.json");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesInDir());
    }

    @Test
    void replacementKeepsThePermissionsOfTheOldFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path target = dir.resolve("shared.json");
        Files.writeString(target, "old");
        var readable = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(target, readable);
        AtomicFiles.writeBytes(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals(readable, Files.getPosixFilePermissions(target));
        assertEquals(true, AtomicFiles.isTemporaryFileName(".shared.json.1234.tmp"));
    }
}
