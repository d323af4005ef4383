package org.samannotator.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void staleTemporaryFilesOfTheTargetAreDeletedAndNothingElse() throws IOException {
        Path target = dir.resolve("export.json");
        Files.writeString(target, "the export");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        Path killed = Files.writeString(dir.resolve(".export.json.0f3a.tmp"), "half an exp");
        Files.setLastModifiedTime(killed, hourAgo);
        Path writingNow = Files.writeString(dir.resolve(".export.json.77aa.tmp"), "being written");
        Path otherTarget = Files.writeString(dir.resolve(".other.json.0f3a.tmp"), "half");
        Files.setLastModifiedTime(otherTarget, hourAgo);
        Path notTemporary = Files.writeString(dir.resolve(".export.json.notes"), "mine");
        Files.setLastModifiedTime(notTemporary, hourAgo);

        assertEquals(1, AtomicFiles.deleteStaleTemporaryFiles(target, java.time.Duration.ofMinutes(10)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".export.json.77aa.tmp", ".export.json.notes", ".other.json.0f3a.tmp", "export.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(0, AtomicFiles.deleteStaleTemporaryFiles(dir.resolve("no-such-folder/x.json"),
                java.time.Duration.ofMinutes(10)), "a folder that does not exist yet has nothing to delete");
    }

    @Test
    void staleTemporaryFilesInAFolderTreeAreDeletedDownToTheDepthAndOutsideHiddenFolders() throws IOException {
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        String id = ".0b6c1a7e-3d55-4c0e-9a51-2f1f6b9d1c0e.tmp";
        List<Path> stale = new java.util.ArrayList<>();
        for (String name : List.of(".a.json" + id, "labels/.a.txt" + id, "ImageSets/Segmentation/.train.txt" + id,
                "x/y/z/.deep.txt" + id, ".sam-annotator/.project.samproj" + id, "labels/.backup.tmp",
                "labels/.a.txt.1234.tmp")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "half written");
            Files.setLastModifiedTime(file, hourAgo);
            stale.add(file);
        }
        Path writingNow = Files.writeString(dir.resolve("labels/.b.txt" + id), "being written");

        assertEquals(3, AtomicFiles.deleteStaleTemporaryFilesIn(dir, 2, java.time.Duration.ofMinutes(10)));
        assertEquals(List.of(false, false, false, true, true, true, true),
                stale.stream().map(Files::exists).toList(),
                "depth 0-2 deleted; too deep, a hidden folder, other names kept");
        assertTrue(Files.exists(writingNow), "a recent one may be another export writing now");
    }
}
