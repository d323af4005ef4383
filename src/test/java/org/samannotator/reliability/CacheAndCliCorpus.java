package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.samannotator.cli.RootCommand;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.Size;
import picocli.CommandLine;

/** Corrupt embedding-cache entries (must be discarded and recomputed) and the CLI's end-to-end messages. */
final class CacheAndCliCorpus {
    private static final String MODEL = "fake-model";
    private static final String HASH = "ab".repeat(32);
    private static final Size SIZE = new Size(640, 480);

    private CacheAndCliCorpus() {
    }

    @FunctionalInterface
    interface Corruption {
        byte[] apply(byte[] entry);
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(cache("truncated to 10 bytes", e -> java.util.Arrays.copyOf(e, 10)));
        cases.add(cache("truncated to half", e -> java.util.Arrays.copyOf(e, e.length / 2)));
        cases.add(cache("last byte missing", e -> java.util.Arrays.copyOf(e, e.length - 1)));
        cases.add(cache("zero bytes", e -> new byte[0]));
        cases.add(cache("random bytes of the same length", e -> ImageSamples.encode(ImageSamples.rgb(), "bmp")));
        cases.add(cache("one value byte flipped (CRC mismatch)", e -> flip(e, e.length / 2)));
        cases.add(cache("wrong magic number", e -> flip(e, 0)));
        cases.add(cache("format version 99", e -> ByteBuffer.wrap(e.clone()).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(4, 99).array()));
        cases.add(cache("a byte appended", e -> java.util.Arrays.copyOf(e, e.length + 1)));
        cases.add(new CorpusCase("Embedding cache", "entry for another image size", "EmbeddingCache.get", dir -> {
            EmbeddingCache cache = new EmbeddingCache(dir, 1L << 30);
            cache.put(HASH, data());
            assertTrue(cache.get(MODEL, HASH, new Size(480, 640)).isEmpty(), "a size mismatch is a miss");
            return recomputed(cache, dir);
        }));
        String[][] segmentInputs = {{"zero-byte image", "empty.png", ""}, {"text named .jpg", "notes.jpg", "hello"},
            {"missing image", "absent.png", null}};
        for (String[] input : segmentInputs) {
            cases.add(segment(input[0], input[1], input[2] == null ? null : input[2].getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(segment("truncated PNG", "cut.png", java.util.Arrays.copyOf(ImageCorpus.samples().get("png"), 300)));
        cases.add(segment("PNG bomb 100000x100000", "bomb.png", ImageBombs.png(100_000, 100_000, 1024)));
        cases.add(new CorpusCase("CLI", "eval on a missing dataset folder", "sam-annotator eval", dir -> {
            Path missing = dir.resolve("no-such-dataset");
            return cli(dir, missing, "eval", "--dataset", missing.toString(), "--models-dir", dir.resolve("m").toString());
        }));
        cases.add(new CorpusCase("CLI", "eval --json into a folder blocked by a file", "sam-annotator eval", dir -> {
            Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
            Path json = blocker.resolve("out.json");
            return cli(dir, json, "eval", "--dataset", dir.toString(), "--json", json.toString());
        }));
        return cases;
    }

    private static EmbeddingData data() {
        float[] values = new float[EmbeddingData.VALUE_COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 97) / 97f;
        }
        return new EmbeddingData(MODEL, SIZE, values);
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] out = bytes.clone();
        out[at] ^= 0x5A;
        return out;
    }

    private static CorpusCase cache(String name, Corruption corruption) {
        return new CorpusCase("Embedding cache", name, "EmbeddingCache.get", dir -> {
            EmbeddingCache cache = new EmbeddingCache(dir, 1L << 30);
            cache.put(HASH, data());
            Path entry = onlyEntry(dir);
            Files.write(entry, corruption.apply(Files.readAllBytes(entry)));
            assertTrue(cache.get(MODEL, HASH, SIZE).isEmpty(), "a corrupt entry is a miss");
            return recomputed(cache, dir);
        });
    }

    /** The bad entry is gone and a recomputed embedding can be stored and read back. */
    private static CorpusCase.Outcome recomputed(EmbeddingCache cache, Path dir) throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the bad entry is deleted");
        }
        cache.put(HASH, data());
        assertTrue(cache.get(MODEL, HASH, SIZE).isPresent(), "the recomputed entry is used");
        return CorpusCase.Outcome.of("discarded (logged), embedding recomputed", "");
    }

    private static Path onlyEntry(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    /** segment on a bad image: exit 1, the message names the image, and an existing --coco output is kept. */
    private static CorpusCase segment(String name, String fileName, byte[] bytes) {
        return new CorpusCase("CLI", "segment: " + name, "sam-annotator segment", dir -> {
            Path image = dir.resolve(fileName);
            if (bytes != null) {
                Files.write(image, bytes);
            }
            Path coco = Files.writeString(dir.resolve("previous.json"), "{\"saved\": \"earlier\"}");
            byte[] before = Files.readAllBytes(coco);
            CorpusCase.Outcome outcome = cli(dir, image, "segment", image.toString(), "--point", "5,5",
                    "--coco", coco.toString(), "--models-dir", dir.resolve("no-models").toString());
            ClearMessages.assertUnchanged(coco, before);
            assertFalse(Files.exists(dir.resolve("no-models")), "no model was fetched for a bad image");
            return outcome;
        });
    }

    private static CorpusCase.Outcome cli(Path dir, Path named, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RootCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        String message = err.toString().trim();
        assertEquals(1, exit, "exit code; stderr: " + message);
        assertTrue(message.startsWith("error: ") && message.lines().count() == 1, "one error line: " + message);
        return CorpusCase.Outcome.of("exit 1, one error line", ClearMessages.assertClear(message, named));
    }
}
