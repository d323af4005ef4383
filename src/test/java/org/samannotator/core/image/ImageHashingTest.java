package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;

class ImageHashingTest {
    @TempDir
    Path dir;

    @Test
    void fileHashMatchesTheKnownSha256OfAbc() throws Exception {
        Path file = TestImageFiles.writeBytes(dir.resolve("abc.bin"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ImageHashing.contentHash(file));
    }

    @Test
    void streamedHashOfAMultiBufferFileEqualsTheOneShotDigest() throws Exception {
        byte[] bytes = new byte[300_001];
        new Random(5).nextBytes(bytes);
        Path file = TestImageFiles.writeBytes(dir.resolve("big.bin"), bytes);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, ImageHashing.contentHash(file));
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("gone.jpg");
        IOException e = assertThrows(IOException.class, () -> ImageHashing.contentHash(file));
        assertEquals(true, e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void pixelHashDependsOnPixelsAndShape() {
        int[] pixels = new int[20_000];
        Arrays.setAll(pixels, i -> i * 31);
        RgbImage wide = new RgbImage(new Size(200, 100), pixels);
        RgbImage tall = new RgbImage(new Size(100, 200), pixels);
        RgbImage same = new RgbImage(new Size(200, 100), pixels.clone());
        int[] changedPixels = pixels.clone();
        changedPixels[19_999] ^= 1;
        RgbImage changed = new RgbImage(new Size(200, 100), changedPixels);
        assertEquals(ImageHashing.contentHash(wide), ImageHashing.contentHash(same));
        assertNotEquals(ImageHashing.contentHash(wide), ImageHashing.contentHash(tall));
        assertNotEquals(ImageHashing.contentHash(wide), ImageHashing.contentHash(changed));
        assertEquals(64, ImageHashing.contentHash(wide).length());
    }
}
