package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading npm-style .tgz archives written byte by byte by {@link TarTestWriter}. */
class PackageTarballTest {
    @TempDir
    Path dir;

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static Map<String, byte[]> extract(Path tarball, Set<String> wanted, Set<String> missingOut)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        missingOut.addAll(PackageTarball.extract(tarball, wanted, (name, data) -> files.put(name,
                data.readAllBytes())));
        return files;
    }

    @Test
    void extractsTheWantedFilesOfAllNameFormsAndNothingElse() throws IOException {
        byte[] small = randomBytes(10, 1);
        byte[] exactBlock = randomBytes(1024, 2);
        byte[] large = randomBytes(70_001, 3);
        String longName = "package/" + "deep/".repeat(30) + "encoder.onnx";
        String paxName = "package/" + "pax/".repeat(40) + "sam.onnx";
        Path tgz = write("test.tgz", new TarTestWriter()
                .directory("package/")
                .file("package/package.json", small)
                .fileWithPrefix("package/dist", "encoder.onnx", large)
                .fileWithGnuLongName(longName, exactBlock)
                .fileWithPaxPath(paxName, small)
                .file("package/empty", new byte[0])
                .tgz());

        Set<String> missing = new java.util.HashSet<>();
        Map<String, byte[]> files = extract(tgz, Set.of("package/dist/encoder.onnx", longName, paxName,
                "package/empty", "package/absent.onnx"), missing);

        assertEquals(Set.of("package/dist/encoder.onnx", longName, paxName, "package/empty"), files.keySet());
        assertArrayEquals(large, files.get("package/dist/encoder.onnx"));
        assertArrayEquals(exactBlock, files.get(longName));
        assertArrayEquals(small, files.get(paxName));
        assertEquals(0, files.get("package/empty").length);
        assertEquals(Set.of("package/absent.onnx"), missing);
    }

    @Test
    void partlyReadMembersAreSkippedAndLinksOrDirectoriesAreNeverHandedOut() throws IOException {
        byte[] second = randomBytes(300, 5);
        Path tgz = write("test.tgz", new TarTestWriter()
                .file("a.bin", randomBytes(5000, 4))
                .symlink("link.onnx")
                .directory("dir.onnx/")
                .file("b.bin", second)
                .tgz());
        Map<String, byte[]> seen = new LinkedHashMap<>();

        Set<String> missing = PackageTarball.extract(tgz, Set.of("a.bin", "link.onnx", "dir.onnx/", "b.bin"),
                (name, data) -> seen.put(name, data.readNBytes(name.equals("a.bin") ? 7 : Integer.MAX_VALUE)));

        assertEquals(List.of("a.bin", "b.bin"), List.copyOf(seen.keySet()));
        assertEquals(7, seen.get("a.bin").length);
        assertArrayEquals(second, seen.get("b.bin"));
        assertEquals(Set.of("link.onnx", "dir.onnx/"), missing);
    }

    @Test
    void truncatedArchiveIsAnErrorNamingTheArchive() throws IOException {
        byte[] tar = new TarTestWriter().file("a.bin", randomBytes(4000, 6)).tar();
        Path cut = write("cut.tgz", gzip(Arrays.copyOf(tar, 512 + 1000)));

        IOException error = assertThrows(IOException.class, () -> PackageTarball.extract(cut, Set.of("a.bin"),
                (name, data) -> data.readAllBytes()));

        assertTrue(error instanceof PackageTarball.CorruptArchiveException, error.toString());
        assertTrue(error.getMessage().startsWith(cut + " is truncated or corrupt"), error.getMessage());
    }

    @Test
    void truncatedGzipStreamIsAnErrorNamingTheArchive() throws IOException {
        byte[] tgz = new TarTestWriter().file("a.bin", randomBytes(40_000, 8)).tgz();
        Path cut = write("cut.tgz", Arrays.copyOf(tgz, tgz.length / 2));

        IOException error = assertThrows(PackageTarball.CorruptArchiveException.class, () -> PackageTarball.extract(
                cut, Set.of("a.bin"), (name, data) -> data.readAllBytes()));

        assertTrue(error.getMessage().contains(cut.toString()), error.getMessage());
    }

    @Test
    void corruptHeaderIsAnErrorNamingTheArchive() throws IOException {
        byte[] tar = new TarTestWriter().file("a.bin", randomBytes(10, 7)).tar();
        Arrays.fill(tar, 124, 136, (byte) 'z'); // size field is no longer octal
        Path bad = write("bad.tgz", gzip(tar));

        IOException error = assertThrows(PackageTarball.CorruptArchiveException.class, () -> PackageTarball.extract(
                bad, Set.of("a.bin"), (name, data) -> data.readAllBytes()));

        assertTrue(error.getMessage().contains(bad.toString()), error.getMessage());
    }

    @Test
    void notGzipAtAllIsAnErrorNamingTheArchive() throws IOException {
        Path text = write("text.tgz", "not an archive".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        IOException error = assertThrows(PackageTarball.CorruptArchiveException.class, () -> PackageTarball.extract(
                text, Set.of("a.bin"), (name, data) -> data.readAllBytes()));

        assertTrue(error.getMessage().contains(text.toString()), error.getMessage());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
