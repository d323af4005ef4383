package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/** {@link ImageLoader#readRegion}: part of the full resolution, subsampled, in the display frame. */
class ImageRegionLoadingTest {
    @TempDir
    Path dir;

    /** A PNG whose every pixel differs from its neighbours (x in red/green, y in blue/green). */
    private Path coordinatePng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x & 255) << 16 | ((x >> 8) * 16 + (y >> 8)) << 8 | y & 255);
            }
        }
        return TestImageFiles.write(image, "png", dir.resolve("coords.png"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void regionKeepsEverySthPixelFromItsCorner(int s) throws Exception {
        Path file = coordinatePng(613, 401);
        RgbImage full = ImageLoader.load(file);
        PixelRect region = new PixelRect(101, 57, 300, 211);
        RgbImage part = ImageLoader.readRegion(file, region, s);
        assertEquals(new Size((300 + s - 1) / s, (211 + s - 1) / s), part.size());
        for (int j = 0; j < part.height(); j++) {
            for (int i = 0; i < part.width(); i++) {
                assertEquals(full.argbAt(101 + i * s, 57 + j * s), part.argbAt(i, j), "pixel " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 6, 8})
    void regionOfAnExifOrientedJpegIsTheSamePartOfTheUprightImage(int orientation) throws Exception {
        byte[] jpeg = TestImageFiles.jpegBytes(TestImageFiles.quadrants(320, 200));
        Path file = TestImageFiles.writeBytes(dir.resolve("o" + orientation + ".jpg"), TestImageFiles
                .insertSegmentAfterSoi(jpeg, 0xE1, TestImageFiles.exifOrientationPayload(orientation, ByteOrder.BIG_ENDIAN)));
        RgbImage upright = ImageLoader.load(file);
        PixelRect region = new PixelRect(30, 50, 90, 70);
        RgbImage part = ImageLoader.readRegion(file, region, 1);
        assertEquals(new Size(90, 70), part.size());
        for (int j = 0; j < 70; j++) {
            for (int i = 0; i < 90; i++) {
                assertEquals(upright.argbAt(30 + i, 50 + j), part.argbAt(i, j), "pixel " + i + "," + j);
            }
        }
    }

    @Test
    void regionOutsideTheImageIsRefused() {
        Path file = coordinatePng(100, 80);
        assertThrows(IllegalArgumentException.class, () -> ImageLoader.readRegion(file, new PixelRect(50, 0, 51, 10), 1));
        assertThrows(IllegalArgumentException.class, () -> ImageLoader.readRegion(file, new PixelRect(0, 0, 10, 10), 0));
    }
}
