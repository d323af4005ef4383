package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoadException.Reason;

/** Unreadable input gives an {@link ImageLoadException} with the right reason and the file in the message. */
class ImageLoaderErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.png");
        assertFails(Reason.MISSING, file, () -> ImageLoader.load(file));
        assertFails(Reason.MISSING, file, () -> ImageLoader.readSize(file));
    }

    @Test
    void directory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.jpg"));
        ImageLoadException e = assertFails(Reason.NOT_A_FILE, folder, () -> ImageLoader.load(folder));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.png"));
        ImageLoadException e = assertFails(Reason.NOT_AN_IMAGE, file, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void randomBytesNamedJpg() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x42; // no format signature starts like this
        Path file = TestImageFiles.writeBytes(dir.resolve("noise.jpg"), noise);
        assertFails(Reason.NOT_AN_IMAGE, file, () -> ImageLoader.load(file));
        assertFails(Reason.NOT_AN_IMAGE, file, () -> ImageLoader.readSize(file));
    }

    @Test
    void textFileNamedPng() {
        Path file = TestImageFiles.writeBytes(dir.resolve("notes.png"), "hello, not an image\n".getBytes());
        assertFails(Reason.NOT_AN_IMAGE, file, () -> ImageLoader.load(file));
    }

    @Test
    void truncatedPng() throws Exception {
        byte[] png = pngBytes(noisyImage(64, 64));
        Path file = TestImageFiles.writeBytes(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertEquals(new Size(64, 64), ImageLoader.readSize(file), "the header is intact");
        assertFails(Reason.CORRUPT, file, () -> ImageLoader.load(file));
    }

    @Test
    void jpegCutInsideItsHeaders() {
        byte[] jpeg = TestImageFiles.jpegBytes(noisyImage(64, 64));
        Path file = TestImageFiles.writeBytes(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 120));
        assertFails(Reason.CORRUPT, file, () -> ImageLoader.load(file));
    }

    @Test
    void imageAboveTheConfiguredPixelLimit() throws Exception {
        Path file = TestImageFiles.write(noisyImage(100, 50), "png", dir.resolve("big.png"));
        ImageLoadException e = assertFails(Reason.TOO_LARGE, file, () -> ImageLoader.load(file, 4999));
        assertTrue(e.getMessage().contains("100x50"), e.getMessage());
        assertEquals(new Size(100, 50), ImageLoader.load(file, 5000).size());
    }

    @Test
    void hugeHeaderIsRefusedBeforeDecoding() throws Exception {
        byte[] png = withIhdrSize(pngBytes(noisyImage(8, 8)), 40_000, 30_000);
        Path file = TestImageFiles.writeBytes(dir.resolve("bomb.png"), png);
        assertEquals(new Size(40_000, 30_000), ImageLoader.readSize(file));
        ImageLoadException e = assertFails(Reason.TOO_LARGE, file, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("1200.0 megapixels"), e.getMessage());
    }

    @Test
    void supportedExtensionsAreCaseInsensitive() {
        assertTrue(ImageLoader.isSupportedImageFile(Path.of("a", "photo.JPG")));
        assertTrue(ImageLoader.isSupportedImageFile(Path.of("scan.tiff")));
        assertTrue(ImageLoader.isSupportedImageFile(Path.of("x.Jpeg")));
        assertTrue(ImageLoader.isSupportedImageFile(Path.of("x.bmp")));
        assertFalse(ImageLoader.isSupportedImageFile(Path.of("notes.txt")));
        assertFalse(ImageLoader.isSupportedImageFile(Path.of("png")));
        assertFalse(ImageLoader.isSupportedImageFile(Path.of("trailing.")));
        assertTrue(ImageLoader.supportedExtensions().containsAll(
                List.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff")));
    }

    @Test
    void invalidLimitIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ImageLoader.load(dir.resolve("a.png"), 0));
    }

    private static ImageLoadException assertFails(Reason reason, Path file, Executable load) {
        ImageLoadException e = assertThrows(ImageLoadException.class, load);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason.description()), e.getMessage());
        return e;
    }

    private static BufferedImage noisyImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static byte[] pngBytes(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Rewrites the IHDR chunk's width/height (bytes 16-23) and its CRC. */
    private static byte[] withIhdrSize(byte[] png, int width, int height) {
        ByteBuffer buffer = ByteBuffer.wrap(png.clone());
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 12, 4 + 13); // chunk type + data
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return buffer.array();
    }
}
