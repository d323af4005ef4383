package org.samannotator.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Converts a decoded {@link BufferedImage} of any layout to packed 0xAARRGGBB pixels, row-major.
 *
 * <p>RGB and grey images with integer samples are converted from their raw sample values (8-bit kept,
 * other depths such as 16-bit PNG rescaled to 0-255 with rounding), ignoring embedded colour profiles: this
 * is what PIL and OpenCV do, so the model sees the same values it was trained on, and it avoids Java's
 * linear-gamma treatment of grey images (which would brighten them). Palette images use their palette.
 * Anything else (CMYK TIFF, float samples, premultiplied alpha) goes through Java's colour conversion
 * ({@link BufferedImage#getRGB}), which converts to sRGB.
 */
final class ArgbConverter {
    private ArgbConverter() {
    }

    static int[] toArgb(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB) {
            return fromIntPixels(image, type == BufferedImage.TYPE_INT_ARGB);
        }
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel palette) {
            return fromPalette(image.getRaster(), palette);
        }
        if (cm instanceof ComponentColorModel && isRawConvertible(cm, image.getRaster())) {
            Raster raster = image.getRaster();
            return isDirectByteLayout(raster) ? fromInterleavedBytes(raster, cm) : fromRawSamples(raster, cm);
        }
        int[] argb = new int[image.getWidth() * image.getHeight()];
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), argb, 0, image.getWidth());
        return argb;
    }

    private static boolean isRawConvertible(ColorModel cm, Raster raster) {
        int space = cm.getColorSpace().getType();
        boolean supportedSpace = space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY;
        int transfer = raster.getTransferType();
        boolean integerSamples = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT;
        return supportedSpace && integerSamples && !cm.isAlphaPremultiplied()
                && raster.getNumBands() == cm.getNumComponents();
    }

    private static int[] fromIntPixels(BufferedImage image, boolean hasAlpha) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = new int[width * height];
        Raster raster = image.getRaster();
        int[] row = new int[width];
        int opaque = hasAlpha ? 0 : 0xFF000000;
        for (int y = 0; y < height; y++) {
            raster.getDataElements(0, y, width, 1, row);
            int base = y * width;
            for (int x = 0; x < width; x++) {
                argb[base + x] = row[x] | opaque;
            }
        }
        return argb;
    }

    private static int[] fromPalette(Raster raster, IndexColorModel palette) {
        int[] lut = new int[1 << Math.max(palette.getPixelSize(), 8)];
        for (int i = 0; i < palette.getMapSize(); i++) {
            lut[i] = palette.getRGB(i);
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] argb = new int[width * height];
        int[] indices = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, indices);
            int base = y * width;
            for (int x = 0; x < width; x++) {
                argb[base + x] = lut[indices[x] & (lut.length - 1)];
            }
        }
        return argb;
    }

    /** One byte per sample, pixel-interleaved, in a single-bank buffer we can index directly. */
    private static boolean isDirectByteLayout(Raster raster) {
        return raster.getSampleModel() instanceof PixelInterleavedSampleModel
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
    }

    /** Fast path for the common 8-bit layouts (3BYTE_BGR from JPEG, 4BYTE_ABGR, BYTE_GRAY, RGB(A) PNG). */
    private static int[] fromInterleavedBytes(Raster raster, ColorModel cm) {
        PixelInterleavedSampleModel layout = (PixelInterleavedSampleModel) raster.getSampleModel();
        DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
        byte[] data = buffer.getData();
        int[] offsets = layout.getBandOffsets();
        int stride = layout.getPixelStride();
        int width = raster.getWidth();
        int height = raster.getHeight();
        boolean grey = cm.getNumColorComponents() == 1;
        int rOffset = offsets[0];
        int gOffset = grey ? rOffset : offsets[1];
        int bOffset = grey ? rOffset : offsets[2];
        int aOffset = cm.hasAlpha() ? offsets[offsets.length - 1] : -1;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int rowStart = buffer.getOffset() + y * layout.getScanlineStride();
            if (aOffset < 0) {
                packOpaqueRow(data, rowStart, stride, rOffset, gOffset, bOffset, argb, y * width, width);
            } else {
                packAlphaRow(data, rowStart, stride, new int[] {rOffset, gOffset, bOffset, aOffset}, argb, y * width,
                        width);
            }
        }
        return argb;
    }

    private static void packOpaqueRow(byte[] data, int p, int stride, int r, int g, int b, int[] argb, int base,
            int width) {
        for (int x = 0; x < width; x++, p += stride) {
            argb[base + x] = 0xFF000000 | (data[p + r] & 0xFF) << 16 | (data[p + g] & 0xFF) << 8 | (data[p + b] & 0xFF);
        }
    }

    /** offsets = {red, green, blue, alpha} byte offsets within a pixel. */
    private static void packAlphaRow(byte[] data, int p, int stride, int[] offsets, int[] argb, int base, int width) {
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        int a = offsets[3];
        for (int x = 0; x < width; x++, p += stride) {
            argb[base + x] = (data[p + a] & 0xFF) << 24 | (data[p + r] & 0xFF) << 16 | (data[p + g] & 0xFF) << 8
                    | (data[p + b] & 0xFF);
        }
    }

    /** Grey, grey+alpha, RGB or RGBA samples of any integer depth, rescaled to 8 bits. */
    private static int[] fromRawSamples(Raster raster, ColorModel cm) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        int colourBands = cm.getNumColorComponents();
        int[][] to8Bit = new int[bands][];
        for (int b = 0; b < bands; b++) {
            to8Bit[b] = rescaleTable(cm.getComponentSize(b));
        }
        boolean grey = colourBands == 1;
        int alphaBand = cm.hasAlpha() ? bands - 1 : -1;
        int[] argb = new int[width * height];
        int[] samples = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, samples);
            int base = y * width;
            for (int x = 0, s = 0; x < width; x++, s += bands) {
                int r = rescale(to8Bit[0], samples[s]);
                int g = grey ? r : rescale(to8Bit[1], samples[s + 1]);
                int b = grey ? r : rescale(to8Bit[2], samples[s + 2]);
                int a = alphaBand < 0 ? 0xFF : rescale(to8Bit[alphaBand], samples[s + alphaBand]);
                argb[base + x] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        }
        return argb;
    }

    private static int rescale(int[] table, int sample) {
        return table[sample & (table.length - 1)];
    }

    /** Lookup table from a {@code bits}-bit sample to 0-255, rounding to nearest. */
    private static int[] rescaleTable(int bits) {
        int max = (1 << bits) - 1;
        int[] table = new int[max + 1];
        for (int v = 0; v <= max; v++) {
            table[v] = (int) ((v * 255L * 2 + max) / (2L * max));
        }
        return table;
    }
}
