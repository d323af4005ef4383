package org.samannotator.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TarReaderTest {
    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Map<String, byte[]> readAll(byte[] tgz) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarReader reader = new TarReader(new GZIPInputStream(new ByteArrayInputStream(tgz)), "test.tgz")) {
            Optional<TarReader.Entry> entry;
            while ((entry = reader.next()).isPresent()) {
                if (entry.get().isFile()) {
                    files.put(entry.get().name(), reader.entryStream().readAllBytes());
                }
            }
        }
        return files;
    }

    @Test
    void readsFilesOfAGzippedArchiveWithAllNameForms() throws IOException {
        byte[] small = randomBytes(10, 1);
        byte[] exactBlock = randomBytes(1024, 2);
        byte[] large = randomBytes(70_001, 3);
        String longName = "package/" + "deep/".repeat(30) + "encoder.onnx";
        String paxName = "package/" + "pax/".repeat(40) + "sam.onnx";
        byte[] tgz = new TarTestWriter()
                .directory("package/")
                .file("package/package.json", small)
                .fileWithPrefix("package/dist", "encoder.onnx", large)
                .fileWithGnuLongName(longName, exactBlock)
                .fileWithPaxPath(paxName, small)
                .file("package/empty", new byte[0])
                .tgz();

        Map<String, byte[]> files = readAll(tgz);

        assertEquals(List.of("package/package.json", "package/dist/encoder.onnx", longName, paxName, "package/empty"),
                new ArrayList<>(files.keySet()));
        assertArrayEquals(small, files.get("package/package.json"));
        assertArrayEquals(large, files.get("package/dist/encoder.onnx"));
        assertArrayEquals(exactBlock, files.get(longName));
        assertArrayEquals(small, files.get(paxName));
        assertEquals(0, files.get("package/empty").length);
    }

    @Test
    void skipsUnreadEntryData() throws IOException {
        byte[] first = randomBytes(5000, 4);
        byte[] second = randomBytes(300, 5);
        byte[] tar = new TarTestWriter().file("a.bin", first).file("b.bin", second).tar();
        try (TarReader reader = new TarReader(new ByteArrayInputStream(tar), "test.tar")) {
            TarReader.Entry a = reader.next().orElseThrow();
            assertEquals(5000, a.size());
            assertEquals(7, reader.entryStream().read(new byte[7]));
            TarReader.Entry b = reader.next().orElseThrow();
            assertEquals("b.bin", b.name());
            assertArrayEquals(second, reader.entryStream().readAllBytes());
            assertFalse(reader.next().isPresent());
        }
    }

    @Test
    void truncatedArchiveIsAnErrorNamingTheArchive() {
        byte[] tar = new TarTestWriter().file("a.bin", randomBytes(4000, 6)).tar();
        byte[] cut = Arrays.copyOf(tar, 512 + 1000);
        EOFException error = assertThrows(EOFException.class, () -> {
            try (TarReader reader = new TarReader(new ByteArrayInputStream(cut), "cut.tar")) {
                reader.next();
                reader.entryStream().readAllBytes();
            }
        });
        assertTrue(error.getMessage().contains("cut.tar is truncated"), error.getMessage());
    }

    @Test
    void corruptHeaderChecksumIsDetected() {
        byte[] tar = new TarTestWriter().file("a.bin", randomBytes(10, 7)).tar();
        tar[3] ^= 0x20;
        IOException error = assertThrows(IOException.class, () -> {
            try (TarReader reader = new TarReader(new ByteArrayInputStream(tar), "bad.tar")) {
                reader.next();
            }
        });
        assertTrue(error.getMessage().contains("bad.tar: corrupt tar header"), error.getMessage());
    }
}
