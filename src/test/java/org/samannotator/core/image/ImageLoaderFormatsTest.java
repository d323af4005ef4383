package org.samannotator.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samannotator.core.geometry.Size;

/** Every supported format/layout, generated in code, loads to the expected packed ARGB pixels. */
class ImageLoaderFormatsTest {
    @TempDir
    Path dir;

    @Test
    void rgbPngIsLosslessAndOpaque() throws Exception {
        BufferedImage image = patterned(7, 5, BufferedImage.TYPE_INT_RGB);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("rgb.png")));
        assertEquals(new Size(7, 5), loaded.size());
        assertArrayEquals(expectedArgb(image), loaded.argb());
    }

    @Test
    void rgbaPngKeepsAlpha() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 12; i++) {
            image.setRGB(i % 4, i / 4, ((i * 20) << 24) | (i * 0x0A0B0C));
        }
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("rgba.png")));
        assertArrayEquals(expectedArgb(image), loaded.argb());
        assertEquals(0, loaded.argbAt(0, 0) >>> 24);
    }

    @Test
    void sixteenBitRgbPngIsRescaledTo8Bits() throws Exception {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 0, 0x8080});
        raster.setPixel(1, 0, new int[] {0x1234, 0xFFFF, 257 * 200});
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("rgb16.png")));
        // 0x8080 = 32896 -> 32896 * 255 / 65535 = 128.0; 0x1234 = 4660 -> 18.13 -> 18
        assertEquals(0xFFFF0080, loaded.argbAt(0, 0));
        assertEquals(0xFF12FFC8, loaded.argbAt(1, 0));
    }

    @Test
    void sixteenBitGreyPngIsRescaledTo8Bits() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 257 * 77);
        image.getRaster().setSample(1, 0, 0, 65535);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("grey16.png")));
        assertEquals(0xFF4D4D4D, loaded.argbAt(0, 0));
        assertEquals(0xFFFFFFFF, loaded.argbAt(1, 0));
    }

    @Test
    void greyPngKeepsRawValuesWithoutGammaShift() throws Exception {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 128, 255};
        for (int x = 0; x < 3; x++) {
            image.getRaster().setSample(x, 0, 0, values[x]);
        }
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("grey.png")));
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF}, loaded.argb());
    }

    @Test
    void greyAlphaPngKeepsBoth() throws Exception {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {200, 50});
        raster.setPixel(1, 0, new int[] {10, 255});
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("greyalpha.png")));
        assertArrayEquals(new int[] {0x32C8C8C8, 0xFF0A0A0A}, loaded.argb());
    }

    @Test
    void palettePngAndGifUseThePalette() throws Exception {
        BufferedImage image = paletteImage();
        int[] expected = new int[16 * 16];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = PALETTE_ARGB[(i % 16 + i / 16) % PALETTE_ARGB.length];
        }
        assertArrayEquals(expected,
                ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("palette.png"))).argb());
        assertArrayEquals(expected,
                ImageLoader.load(TestImageFiles.write(image, "gif", dir.resolve("palette.gif"))).argb());
    }

    @Test
    void oneBitPngIsBlackAndWhite() throws Exception {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
        image.setRGB(1, 0, 0xFFFFFF);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "png", dir.resolve("binary.png")));
        assertArrayEquals(new int[] {0xFF000000, 0xFFFFFFFF, 0xFF000000}, loaded.argb());
    }

    @Test
    void bmpAndTiffAreLossless() throws Exception {
        BufferedImage image = patterned(9, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage bgr = new BufferedImage(9, 4, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(image, 0, 0, null);
        assertArrayEquals(expectedArgb(image),
                ImageLoader.load(TestImageFiles.write(bgr, "bmp", dir.resolve("a.bmp"))).argb());
        assertArrayEquals(expectedArgb(image),
                ImageLoader.load(TestImageFiles.write(image, "tiff", dir.resolve("a.tif"))).argb());
    }

    @Test
    void cmykTiffIsConvertedToRgb() throws Exception {
        ColorModel cmyk = new ComponentColorModel(ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK), false,
                false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cmyk.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {0, 255, 255, 0}); // red ink: magenta + yellow
        raster.setPixel(1, 0, new int[] {0, 0, 0, 0}); // no ink: paper white
        BufferedImage image = new BufferedImage(cmyk, raster, false, null);
        RgbImage loaded = ImageLoader.load(TestImageFiles.write(image, "tiff", dir.resolve("cmyk.tif")));
        assertReddish(loaded.argbAt(0, 0));
        assertWhitish(loaded.argbAt(1, 0));
    }

    @Test
    void rgbAndGreyJpegDecodeCloseToTheSource() throws Exception {
        BufferedImage quadrants = TestImageFiles.quadrants(32, 16);
        Path rgb = TestImageFiles.writeBytes(dir.resolve("q.jpg"), TestImageFiles.jpegBytes(quadrants));
        RgbImage loaded = ImageLoader.load(rgb);
        assertColourNear(0xFF0000, loaded.argbAt(2, 2));
        assertColourNear(0xFFFFFF, loaded.argbAt(29, 13));

        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 256; i++) {
            grey.getRaster().setSample(i % 16, i / 16, 0, 100);
        }
        RgbImage greyLoaded = ImageLoader.load(
                TestImageFiles.writeBytes(dir.resolve("grey.jpeg"), TestImageFiles.jpegBytes(grey)));
        assertColourNear(0x646464, greyLoaded.argbAt(8, 8));
    }

    @Test
    void adobeCmykJpegIsConvertedToRgb() throws Exception {
        // Adobe CMYK JPEGs store inverted ink values: red ink (C=0, M=Y=100%, K=0) is stored 255,0,0,255
        RgbImage loaded = loadFourComponentJpeg(0, new int[] {255, 0, 0, 255}, new int[] {255, 255, 255, 255});
        assertReddish(loaded.argbAt(4, 8));
        assertWhitish(loaded.argbAt(28, 8));
    }

    @Test
    void adobeYcckJpegIsConvertedToRgb() throws Exception {
        // Adobe YCCK = YCbCr of the ink values C, M, Y plus inverted K (libjpeg decodes to inverted CMYK):
        // red ink C=0, M=Y=255 -> YCbCr(0, 255, 255) = 179, 171, 0; no ink -> YCbCr(0, 0, 0) = 0, 128, 128
        RgbImage loaded = loadFourComponentJpeg(2, new int[] {179, 171, 0, 255}, new int[] {0, 128, 128, 255});
        assertReddish(loaded.argbAt(4, 8));
        assertWhitish(loaded.argbAt(28, 8));
    }

    @Test
    void formatIsDetectedFromContentNotExtension() throws Exception {
        BufferedImage image = patterned(3, 3, BufferedImage.TYPE_INT_RGB);
        Path misnamed = TestImageFiles.write(image, "png", dir.resolve("actually-png.jpg"));
        assertArrayEquals(expectedArgb(image), ImageLoader.load(misnamed).argb());
    }

    /** 32x16 four-component JPEG: left half {@code left} samples, right half {@code right} samples. */
    private RgbImage loadFourComponentJpeg(int adobeTransform, int[] left, int[] right) throws Exception {
        WritableRaster raster = TestImageFiles.fourBandRaster(32, 16, right);
        raster.setRect(TestImageFiles.fourBandRaster(16, 16, left));
        byte[] jpeg = TestImageFiles.insertSegmentAfterSoi(TestImageFiles.fourComponentJpegBytes(raster), 0xEE,
                TestImageFiles.adobePayload(adobeTransform));
        RgbImage loaded = ImageLoader.load(TestImageFiles.writeBytes(dir.resolve("four.jpg"), jpeg));
        assertEquals(new Size(32, 16), loaded.size());
        return loaded;
    }

    private static BufferedImage patterned(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 37 % 256) << 16 | (y * 53 % 256) << 8 | ((x + y) * 29 % 256));
            }
        }
        return image;
    }

    /** Palette entries as ARGB; index 3 is the transparent one (colour black, alpha 0). */
    private static final int[] PALETTE_ARGB = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x00000000, 0xFF123456};

    /** 16x16 (the JDK GIF writer mangles very small images), index (x + y) mod 5. */
    private static BufferedImage paletteImage() {
        byte[] r = new byte[5];
        byte[] g = new byte[5];
        byte[] b = new byte[5];
        for (int i = 0; i < 5; i++) {
            r[i] = (byte) (PALETTE_ARGB[i] >> 16);
            g[i] = (byte) (PALETTE_ARGB[i] >> 8);
            b[i] = (byte) PALETTE_ARGB[i];
        }
        IndexColorModel palette = new IndexColorModel(8, 5, r, g, b, 3);
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 5);
            }
        }
        return image;
    }

    private static int[] expectedArgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void assertColourNear(int expectedRgb, int actualArgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int expected = (expectedRgb >> shift) & 0xFF;
            int actual = (actualArgb >> shift) & 0xFF;
            assertTrue(Math.abs(expected - actual) <= 8, String.format("expected ~%06X, got %08X", expectedRgb,
                    actualArgb));
        }
        assertEquals(0xFF, actualArgb >>> 24);
    }

    private static void assertReddish(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        assertTrue(r > 180 && g < 90 && b < 90, String.format("expected red, got %08X", argb));
    }

    private static void assertWhitish(int argb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertTrue(((argb >> shift) & 0xFF) > 225, String.format("expected white, got %08X", argb));
        }
    }
}
