package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;

/** {@link ImageLoader#readReduced}: subsampled copies in the original's frame, and the truncation flag. */
class ReducedImageLoadingTest {
    @TempDir
    Path dir;

    @Test
    void subsampledCopyKeepsEverySthPixelAndTheOriginalSize() throws Exception {
        Path file = TestImageFiles.write(TestImageFiles.quadrants(301, 200), "png", dir.resolve("q.png"));
        RgbImage full = ImageLoader.load(file);
        LoadedImage reduced = ImageLoader.readReduced(file, 100);
        assertEquals(3, reduced.subsampling());
        assertEquals(new Size(301, 200), reduced.originalSize());
        assertEquals(new Size(101, 67), reduced.image().size());
        for (int y = 0; y < 67; y++) {
            for (int x = 0; x < 101; x++) {
                assertEquals(full.argbAt(3 * x, 3 * y), reduced.image().argbAt(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void smallImagesAreReadAtFullResolution() throws Exception {
        Path file = TestImageFiles.write(TestImageFiles.quadrants(640, 480), "png", dir.resolve("q.png"));
        LoadedImage copy = ImageLoader.readReduced(file, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE);
        assertFalse(copy.isReduced());
        assertArrayEquals(ImageLoader.load(file).argb(), copy.image().argb());
        SamPreprocessor preprocessor = SamPreprocessor.samDefaults();
        assertArrayEquals(preprocessor.preprocess(copy.image()), preprocessor.preprocess(copy.image(), copy.originalSize()));
    }

    @Test
    void exifRotationAppliesToTheCopyAndTheOriginalSize() throws Exception {
        byte[] jpeg = TestImageFiles.jpegBytes(TestImageFiles.quadrants(400, 100));
        byte[] rotated = TestImageFiles.insertSegmentAfterSoi(jpeg, 0xE1,
                TestImageFiles.exifOrientationPayload(6, ByteOrder.BIG_ENDIAN));
        Path file = TestImageFiles.writeBytes(dir.resolve("r.jpg"), rotated);
        LoadedImage copy = ImageLoader.readReduced(file, 100);
        assertEquals(new Size(100, 400), copy.originalSize());
        assertEquals(new Size(25, 100), copy.image().size());
    }

    @Test
    void reducedCopyIsResizedToTheOriginalsModelFrame() throws Exception {
        Path file = TestImageFiles.write(TestImageFiles.quadrants(3001, 2000), "png", dir.resolve("big.png"));
        LoadedImage copy = ImageLoader.readReduced(file, 1024);
        assertEquals(2, copy.subsampling());
        SamPreprocessor preprocessor = SamPreprocessor.samDefaults();
        float[] fromCopy = preprocessor.preprocess(copy.image(), copy.originalSize());
        float[] fromFull = preprocessor.preprocess(ImageLoader.load(file));
        assertEquals(fromFull.length, fromCopy.length);
        long differing = 0;
        for (int i = 0; i < fromFull.length; i++) {
            differing += Math.abs(fromFull[i] - fromCopy[i]) > 0.1f ? 1 : 0;
        }
        assertTrue(differing < fromFull.length / 100, differing + " of " + fromFull.length + " inputs differ");
    }

    @Test
    void truncatedJpegIsFlaggedWithAMessageNamingTheFile() throws Exception {
        byte[] jpeg = TestImageFiles.jpegBytes(TestImageFiles.quadrants(200, 150));
        Path file = TestImageFiles.writeBytes(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        LoadedImage image = ImageLoader.read(file);
        assertTrue(image.truncated(), image.warnings().toString());
        String problem = image.problem().orElseThrow();
        assertTrue(problem.contains(file.toString()) && problem.contains("truncated") && problem.contains("again"),
                problem);
        assertFalse(ImageLoader.read(TestImageFiles.writeBytes(dir.resolve("ok.jpg"), jpeg)).problem().isPresent());
    }
}
