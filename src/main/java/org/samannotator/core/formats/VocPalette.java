package org.samannotator.core.formats;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.samannotator.core.io.AtomicFiles;

/**
 * The Pascal VOC 256-colour palette and indexed PNGs that use it. Colour of index i: the bits of i are dealt
 * out to red, green and blue in turn (bit 0 to red, 1 to green, 2 to blue, 3 to red, ...), each colour
 * receiving them from its most significant bit down; so 0 is black, 1 (128,0,0), 2 (0,128,0) and 255, VOC's
 * "void" border, (224,224,192).
 */
final class VocPalette {
    /** The index VOC uses for "void" (object borders, unlabelled); never an object or class here. */
    static final int VOID = 255;

    private static final IndexColorModel MODEL = colourModel();
    private static final java.util.Map<Integer, Integer> INDEX_OF_RGB = indexOfRgb();

    private VocPalette() {
    }

    /** The palette colour of {@code index} (0..255) as 0xRRGGBB. */
    static int rgb(int index) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = index;
        for (int shift = 7; shift >= 0; shift--) {
            r |= (c & 1) << shift;
            g |= ((c >> 1) & 1) << shift;
            b |= ((c >> 2) & 1) << shift;
            c >>= 3;
        }
        return (r << 16) | (g << 8) | b;
    }

    /** Palette index of a palette colour (0xRRGGBB; alpha ignored), or -1 when the colour is not in the palette. */
    static int indexOf(int rgb) {
        return INDEX_OF_RGB.getOrDefault(rgb & 0xFFFFFF, -1);
    }

    /**
     * Writes an 8-bit palette PNG atomically.
     *
     * @param indices row-major palette indices, {@code indices[y * width + x]}, length width * height
     */
    static void writeIndexedPng(Path file, byte[] indices, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, MODEL);
        WritableRaster raster = image.getRaster();
        raster.setDataElements(0, 0, width, height, indices);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static java.util.Map<Integer, Integer> indexOfRgb() {
        java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < 256; i++) {
            map.put(rgb(i), i);
        }
        return map;
    }

    private static IndexColorModel colourModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            int rgb = rgb(i);
            r[i] = (byte) (rgb >> 16);
            g[i] = (byte) (rgb >> 8);
            b[i] = (byte) rgb;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
