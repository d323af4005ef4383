package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashSidecarTest {
    private static final String FAKE = "ab".repeat(32);

    @TempDir
    Path models;
    @TempDir
    Path cache;

    @Test
    void writableFolderKeepsTheSidecarBesideTheFile() throws IOException {
        Path file = model("x".repeat(1000));
        String hash = HashSidecar.currentHash(file, cache);

        assertEquals(Sha256.hashFile(file), hash);
        assertTrue(Files.isRegularFile(HashSidecar.sidecarOf(file)));
        assertFalse(Files.exists(HashSidecar.userEntryOf(file, cache)));
    }

    @Test
    void unwritableSidecarGoesToTheUserCacheAndIsUsedWhileFresh() throws IOException {
        Path file = model("model bytes");
        Files.createDirectory(HashSidecar.sidecarOf(file)); // a sidecar that cannot be written, as in /opt
        String real = HashSidecar.currentHash(file, cache);
        Path entry = HashSidecar.userEntryOf(file, cache);
        assertTrue(Files.isRegularFile(entry));
        assertTrue(Files.readString(entry).contains("path=" + file.toAbsolutePath().normalize()));

        Files.writeString(entry, Files.readString(entry).replace(real, FAKE));
        assertEquals(FAKE, HashSidecar.currentHash(file, cache), "a fresh entry is used, the file is not rehashed");

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 5000));
        assertEquals(real, HashSidecar.currentHash(file, cache), "a stale entry is never trusted");
    }

    @Test
    void entryOfAnotherPathOrSizeIsIgnored() throws IOException {
        Path file = model("model bytes");
        Files.createDirectory(HashSidecar.sidecarOf(file));
        String real = HashSidecar.currentHash(file, cache);
        Path entry = HashSidecar.userEntryOf(file, cache);
        String text = Files.readString(entry).replace(real, FAKE);

        Files.writeString(entry, text.replace("path=", "path=/elsewhere"));
        assertEquals(real, HashSidecar.currentHash(file, cache));
        Files.writeString(entry, text.replaceFirst("size=\\d+", "size=1"), StandardCharsets.UTF_8);
        assertEquals(real, HashSidecar.currentHash(file, cache));
    }

    @Test
    void cacheFolderIsThePlatformsStandardPlace() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", "/xdg", "LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local");
        assertEquals(Path.of("/xdg/sam-annotator"), UserCacheDirectory.resolve(
                props("Linux", "/home/u"), env::get));
        assertEquals(Path.of("/home/u/.cache/sam-annotator"), UserCacheDirectory.resolve(
                props("Linux", "/home/u"), k -> null));
        assertEquals(Path.of("/Users/u/Library/Caches/sam-annotator"), UserCacheDirectory.resolve(
                props("Mac OS X", "/Users/u"), env::get));
        assertEquals(Path.of("C:\\Users\\u\\AppData\\Local", "SAM Annotator", "cache"), UserCacheDirectory.resolve(
                props("Windows 11", "C:\\Users\\u"), env::get));
    }

    private static java.util.function.UnaryOperator<String> props(String os, String home) {
        return key -> switch (key) {
            case "os.name" -> os;
            case "user.home" -> home;
            default -> null;
        };
    }

    private Path model(String content) throws IOException {
        Path file = models.resolve("m.onnx");
        Files.writeString(file, content);
        return file;
    }
}
