package org.samannotator.core.refine;

import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;

/**
 * Edge strength of an image: the Sobel gradient magnitude of its luma (0.299 R + 0.587 G + 0.114 B, 0-255),
 * float32 [height*width] row-major at original size, with edge-replicated borders. Computed once per image.
 */
public final class ImageGradient {
    private final Size size;
    private final float[] magnitude;

    private ImageGradient(Size size, float[] magnitude) {
        this.size = size;
        this.magnitude = magnitude;
    }

    public static ImageGradient of(RgbImage image) {
        int w = image.width();
        int h = image.height();
        float[] luma = new float[w * h];
        int[] argb = image.argb();
        for (int i = 0; i < luma.length; i++) {
            int p = argb[i];
            luma[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        float[] magnitude = new float[w * h];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int row = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int l = Math.max(0, x - 1);
                int r = Math.min(w - 1, x + 1);
                float gx = (luma[up + r] + 2 * luma[row + r] + luma[down + r]) - (luma[up + l] + 2 * luma[row + l] + luma[down + l]);
                float gy = (luma[down + l] + 2 * luma[down + x] + luma[down + r]) - (luma[up + l] + 2 * luma[up + x] + luma[up + r]);
                magnitude[row + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        return new ImageGradient(image.size(), magnitude);
    }

    public Size size() {
        return size;
    }

    /**
     * Mean gradient magnitude over the mask's outline: mask pixels with a 4-neighbour outside the mask inside
     * the image (the image border is no object edge). 0 for a mask without such pixels.
     */
    public double meanOnOutline(BitMask mask) {
        if (!mask.size().equals(size)) {
            throw new IllegalArgumentException("mask is " + mask.size() + ", the image is " + size);
        }
        int w = size.width();
        int h = size.height();
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.get(x, y) && onOutline(mask, x, y, w, h)) {
                    sum += magnitude[y * w + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static boolean onOutline(BitMask mask, int x, int y, int w, int h) {
        return (x > 0 && !mask.get(x - 1, y)) || (x + 1 < w && !mask.get(x + 1, y))
                || (y > 0 && !mask.get(x, y - 1)) || (y + 1 < h && !mask.get(x, y + 1));
    }
}
