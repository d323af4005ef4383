package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.model.EncoderConventions;

/** SAM preprocessing: exact resize results on constructed images, normalisation, padding and layout. */
class SamPreprocessorTest {
    private static final int T = 1024;
    private static final int PLANE = T * T;
    private static final float[] MEAN = {123.675f, 116.28f, 103.53f};
    private static final float[] STD = {58.395f, 57.12f, 57.375f};
    private final SamPreprocessor preprocessor = new SamPreprocessor(T, MEAN, STD);

    @Test
    void tensorHasShape1x3x1024x1024() {
        float[] tensor = preprocessor.preprocess(constant(640, 480, 0xFF102030));
        assertEquals(3 * PLANE, tensor.length);
        assertArrayEquals(new long[] {1, 3, T, T}, preprocessor.tensorShape());
    }

    @Test
    void constantColourStaysExactlyConstantWhenEnlargedAndNormalisesPerChannel() {
        int colour = 0xFF0AC84D; // r=10, g=200, b=77
        RgbImage resized = preprocessor.resizeToModel(constant(640, 480, colour));
        assertEquals(new Size(1024, 768), resized.size());
        assertEquals(1, Arrays.stream(resized.argb()).distinct().count());
        assertEquals(colour, resized.argb()[0]);

        float[] tensor = preprocessor.toTensor(resized);
        float[] expected = {(10 - MEAN[0]) / STD[0], (200 - MEAN[1]) / STD[1], (77 - MEAN[2]) / STD[2]};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 768; y += 97) {
                for (int x = 0; x < 1024; x += 101) {
                    assertEquals(expected[c], tensor[c * PLANE + y * T + x], 1e-6f);
                }
            }
        }
    }

    @Test
    void constantColourStaysExactlyConstantWhenShrunkByAFractionalFactor() {
        RgbImage resized = preprocessor.resizeToModel(constant(3001, 1999, 0xFFFEFD01));
        assertEquals(SamTransform.forImage(new Size(3001, 1999)).resized(), resized.size());
        assertEquals(1, Arrays.stream(resized.argb()).distinct().count());
        assertEquals(0xFFFEFD01, resized.argb()[0]);
    }

    @Test
    void paddingIsExactlyPositiveZeroAfterNormalisation() {
        float[] tensor = preprocessor.preprocess(constant(640, 480, 0xFFFFFFFF));
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < T; y++) {
                int fromX = y < 768 ? 1024 : 0;
                for (int x = fromX; x < T; x++) {
                    assertEquals(0, Float.floatToRawIntBits(tensor[c * PLANE + y * T + x]), "c=" + c + " y=" + y);
                }
            }
        }
    }

    @Test
    void twoTimesDownscaleOfPixelCheckerboardIsTheExactBlockAverage() {
        int[] pixels = new int[2048 * 1536];
        for (int i = 0; i < pixels.length; i++) {
            boolean dark = ((i % 2048) + (i / 2048)) % 2 == 0;
            pixels[i] = dark ? 0xFF000000 : 0xFFC8643C; // light = (200, 100, 60)
        }
        RgbImage resized = preprocessor.resizeToModel(new RgbImage(new Size(2048, 1536), pixels));
        assertEquals(new Size(1024, 768), resized.size());
        int[] distinct = Arrays.stream(resized.argb()).distinct().toArray();
        assertArrayEquals(new int[] {0xFF64321E}, distinct); // (100, 50, 30)
    }

    @Test
    void twoTimesDownscaleOfTwoByTwoBlockCheckerboardKeepsEachBlockExactly() {
        int[] pixels = new int[2048 * 2048];
        for (int i = 0; i < pixels.length; i++) {
            boolean dark = ((i % 2048) / 2 + (i / 2048) / 2) % 2 == 0;
            pixels[i] = dark ? 0xFF000000 : 0xFFFFFFFF;
        }
        RgbImage resized = preprocessor.resizeToModel(new RgbImage(new Size(2048, 2048), pixels));
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                int expected = (x + y) % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF;
                assertEquals(expected, resized.argbAt(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void twoTimesDownscaleOfRandomPixelsIsTheRoundedMeanOfEach2x2Block() {
        Random random = new Random(3);
        int[] pixels = new int[2048 * 1024];
        Arrays.setAll(pixels, i -> 0xFF000000 | random.nextInt(1 << 24));
        RgbImage source = new RgbImage(new Size(2048, 1024), pixels);
        RgbImage resized = preprocessor.resizeToModel(source);
        for (int y = 0; y < 512; y += 7) {
            for (int x = 0; x < 1024; x += 5) {
                int expected = 0xFF000000;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int sum = channel(source.argbAt(2 * x, 2 * y), shift) + channel(source.argbAt(2 * x + 1, 2 * y), shift)
                            + channel(source.argbAt(2 * x, 2 * y + 1), shift)
                            + channel(source.argbAt(2 * x + 1, 2 * y + 1), shift);
                    expected |= ((sum + 2) / 4) << shift; // round half up
                }
                assertEquals(expected, resized.argbAt(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void enlargingUsesBilinearWithHalfPixelCentres() {
        // 512x512 vertical stripes 0,100,0,100... enlarged 2x: output o samples input (o + 0.5) / 2 - 0.5
        int[] pixels = new int[512 * 512];
        Arrays.setAll(pixels, i -> (i % 512) % 2 == 0 ? 0xFF000000 : 0xFF646464);
        RgbImage resized = preprocessor.resizeToModel(new RgbImage(new Size(512, 512), pixels));
        int[] expectedGrey = {0, 25, 75, 75, 25}; // src -0.25 (clamped), 0.25, 0.75, 1.25, 1.75
        for (int x = 0; x < expectedGrey.length; x++) {
            assertEquals(expectedGrey[x], resized.argbAt(x, 300) & 0xFF, "x=" + x);
        }
        assertEquals(100, resized.argbAt(1023, 300) & 0xFF, "right edge clamps to the last column");
    }

    @Test
    void nonSquareContentSitsTopLeftWithTheSamTransformSize() {
        for (Size original : List.of(new Size(640, 480), new Size(480, 640), new Size(1000, 333))) {
            Size resized = SamTransform.forImage(original).resized();
            float[] tensor = preprocessor.preprocess(constant(original.width(), original.height(), 0xFFFFFFFF));
            float white = (255 - MEAN[0]) / STD[0];
            int lastX = resized.width() - 1;
            int lastY = resized.height() - 1;
            assertEquals(white, tensor[lastY * T + lastX], 1e-6f, original + " last content pixel");
            if (resized.width() < T) {
                assertEquals(0f, tensor[lastY * T + lastX + 1], original + " right of content");
            }
            if (resized.height() < T) {
                assertEquals(0f, tensor[(lastY + 1) * T + lastX], original + " below content");
            }
        }
        assertEquals(new Size(1024, 341), preprocessor.resizeToModel(constant(1000, 333, 0xFF000000)).size());
    }

    @Test
    void alphaIsCompositedOnBlack() {
        int[] pixels = {0x00FFFFFF, 0x80FF0000, 0xFF00FF00, 0xFF0000FF};
        int[] composited = SamPreprocessor.compositeOnBlack(pixels);
        assertArrayEquals(new int[] {0xFF000000, 0xFF800000, 0xFF00FF00, 0xFF0000FF}, composited);
        int[] opaque = {0xFF123456};
        assertEquals(opaque, SamPreprocessor.compositeOnBlack(opaque), "opaque input is not copied");
    }

    @Test
    void conventionsAreCheckedAndUsed() {
        EncoderConventions conventions = new EncoderConventions("input", null, 1024,
                List.of(123.675, 116.28, 103.53), List.of(58.395, 57.12, 57.375), "NCHW", "RGB", "bottom-right-zero");
        float[] fromConventions = SamPreprocessor.fromConventions(conventions).preprocess(constant(8, 6, 0xFF336699));
        assertArrayEquals(preprocessor.preprocess(constant(8, 6, 0xFF336699)), fromConventions);
        EncoderConventions nhwc = new EncoderConventions("input", null, 1024, List.of(0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 1.0), "NHWC", "RGB", "bottom-right-zero");
        assertThrows(IllegalArgumentException.class, () -> SamPreprocessor.fromConventions(nhwc));
        assertThrows(IllegalArgumentException.class, () -> preprocessor.toTensor(constant(1025, 10, 0xFF000000)));
    }

    @Test
    void smokeTimingIsPrinted() {
        for (Size size : List.of(new Size(640, 480), new Size(4000, 3000))) {
            RgbImage image = noise(size);
            long start = System.nanoTime();
            float[] first = preprocessor.preprocess(image);
            long cold = System.nanoTime() - start;
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 4; run++) {
                start = System.nanoTime();
                preprocessor.preprocess(image);
                best = Math.min(best, System.nanoTime() - start);
            }
            assertEquals(3 * PLANE, first.length);
            System.out.printf("SamPreprocessor.preprocess %s: first call %.1f ms, best of 4 later calls %.1f ms%n",
                    size, cold / 1e6, best / 1e6);
        }
    }

    private static int channel(int argb, int shift) {
        return (argb >> shift) & 0xFF;
    }

    private static RgbImage constant(int width, int height, int argb) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, argb);
        return new RgbImage(new Size(width, height), pixels);
    }

    private static RgbImage noise(Size size) {
        Random random = new Random(11);
        int[] pixels = new int[(int) size.area()];
        Arrays.setAll(pixels, i -> 0xFF000000 | random.nextInt(1 << 24));
        return new RgbImage(size, pixels);
    }
}
