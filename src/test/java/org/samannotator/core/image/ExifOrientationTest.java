package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.samannotator.core.geometry.Size;

/** EXIF orientation: the pixel transforms themselves and end-to-end through JPEG files with a hand-made APP1. */
class ExifOrientationTest {
    @TempDir
    Path dir;

    @Test
    void rotate90ClockwiseTurnsARowIntoAColumnTopToBottom() {
        RgbImage row = new RgbImage(new Size(2, 1), new int[] {0xA, 0xB});
        RgbImage column = ExifOrientation.ROTATE_90_CW.apply(row);
        assertEquals(new Size(1, 2), column.size());
        assertArrayEquals(new int[] {0xA, 0xB}, column.argb());
        assertArrayEquals(new int[] {0xB, 0xA}, ExifOrientation.ROTATE_90_CCW.apply(row).argb());
    }

    @ParameterizedTest
    @EnumSource(ExifOrientation.class)
    void eachOrientationMatchesItsCompositionOfRotationsAndMirrors(ExifOrientation orientation) {
        RgbImage stored = numbered(3, 2);
        RgbImage expected = switch (orientation.tagValue()) {
            case 1 -> stored;
            case 2 -> mirror(stored);
            case 3 -> rotateClockwise(rotateClockwise(stored));
            case 4 -> mirror(rotateClockwise(rotateClockwise(stored)));
            case 5 -> mirror(rotateClockwise(stored));
            case 6 -> rotateClockwise(stored);
            case 7 -> mirror(rotateClockwise(rotateClockwise(rotateClockwise(stored))));
            default -> rotateClockwise(rotateClockwise(rotateClockwise(stored)));
        };
        RgbImage actual = orientation.apply(stored);
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.size(), orientation.displaySize(stored.size()));
        assertArrayEquals(expected.argb(), actual.argb(), orientation.name());
    }

    @Test
    void normalReturnsTheSameImageAndUnknownTagValuesAreNormal() {
        RgbImage image = numbered(2, 2);
        assertSame(image, ExifOrientation.NORMAL.apply(image));
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.fromTagValue(0));
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.fromTagValue(9));
        assertEquals(ExifOrientation.TRANSVERSE, ExifOrientation.fromTagValue(7));
    }

    @Test
    void jpegWithOrientation6IsRotatedClockwise() throws Exception {
        Path file = jpegWithOrientation(6, ByteOrder.BIG_ENDIAN);
        RgbImage loaded = ImageLoader.load(file);
        assertEquals(new Size(16, 32), loaded.size());
        assertEquals(new Size(16, 32), ImageLoader.readSize(file));
        // stored: red TL, green TR, blue BL, white BR; rotated clockwise: blue TL, red TR, white BL, green BR
        assertCorners(loaded, 0x0000FF, 0xFF0000, 0xFFFFFF, 0x00FF00);
    }

    @Test
    void jpegWithOrientation8LittleEndianIsRotatedCounterClockwise() throws Exception {
        Path file = jpegWithOrientation(8, ByteOrder.LITTLE_ENDIAN);
        RgbImage loaded = ImageLoader.load(file);
        assertEquals(new Size(16, 32), loaded.size());
        assertCorners(loaded, 0x00FF00, 0xFFFFFF, 0xFF0000, 0x0000FF);
    }

    @Test
    void jpegWithOrientation3IsTurnedUpsideDown() throws Exception {
        Path file = jpegWithOrientation(3, ByteOrder.BIG_ENDIAN);
        RgbImage loaded = ImageLoader.load(file);
        assertEquals(new Size(32, 16), ImageLoader.readSize(file));
        assertCorners(loaded, 0xFFFFFF, 0x0000FF, 0x00FF00, 0xFF0000);
    }

    @Test
    void malformedExifIsIgnored() throws Exception {
        byte[] payload = TestImageFiles.exifOrientationPayload(6, ByteOrder.BIG_ENDIAN);
        byte[] cut = Arrays.copyOf(payload, 16); // IFD0 offset points past the end
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(
                TestImageFiles.jpegBytes(TestImageFiles.quadrants(32, 16)), 0xE1, cut);
        assertEquals(ExifOrientation.NORMAL,
                JpegExifReader.readOrientation(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))));
        assertEquals(new Size(32, 16), ImageLoader.load(TestImageFiles.writeBytes(dir.resolve("m.jpg"), jpeg)).size());
    }

    @Test
    void tiffStructureParserReadsBothByteOrders() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] payload = TestImageFiles.exifOrientationPayload(5, order);
            byte[] tiff = Arrays.copyOfRange(payload, 6, payload.length);
            assertEquals(ExifOrientation.TRANSPOSE, JpegExifReader.orientationFromTiff(tiff));
        }
    }

    private Path jpegWithOrientation(int orientation, ByteOrder order) {
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(TestImageFiles.jpegBytes(TestImageFiles.quadrants(32, 16)),
                0xE1, TestImageFiles.exifOrientationPayload(orientation, order));
        return TestImageFiles.writeBytes(dir.resolve("oriented-" + orientation + ".jpg"), jpeg);
    }

    /** Checks the colour 2 pixels inside each corner (JPEG is lossy: tolerance 12 per channel). */
    private static void assertCorners(RgbImage image, int topLeft, int topRight, int bottomLeft, int bottomRight) {
        int w = image.width();
        int h = image.height();
        assertNear(topLeft, image.argbAt(2, 2), "top-left");
        assertNear(topRight, image.argbAt(w - 3, 2), "top-right");
        assertNear(bottomLeft, image.argbAt(2, h - 3), "bottom-left");
        assertNear(bottomRight, image.argbAt(w - 3, h - 3), "bottom-right");
    }

    private static void assertNear(int expectedRgb, int actualArgb, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int diff = Math.abs(((expectedRgb >> shift) & 0xFF) - ((actualArgb >> shift) & 0xFF));
            assertTrue(diff <= 12, String.format("%s: expected ~%06X, got %08X", where, expectedRgb, actualArgb));
        }
    }

    private static RgbImage numbered(int width, int height) {
        int[] pixels = new int[width * height];
        Arrays.setAll(pixels, i -> i + 1);
        return new RgbImage(new Size(width, height), pixels);
    }

    /** Reference mirror (left-right) written independently of {@link ExifOrientation}. */
    private static RgbImage mirror(RgbImage image) {
        int w = image.width();
        int[] out = new int[image.argb().length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = image.argbAt(w - 1 - x, y);
            }
        }
        return new RgbImage(image.size(), out);
    }

    /** Reference 90-degree clockwise rotation: the stored left column becomes the displayed top row. */
    private static RgbImage rotateClockwise(RgbImage image) {
        int newWidth = image.height();
        int newHeight = image.width();
        int[] out = new int[image.argb().length];
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = image.argbAt(y, image.height() - 1 - x);
            }
        }
        return new RgbImage(new Size(newWidth, newHeight), out);
    }
}
