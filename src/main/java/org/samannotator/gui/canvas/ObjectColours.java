package org.samannotator.gui.canvas;

import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;

/**
 * Colours of accepted objects on the canvas. By instance: each object its own hue, stable for its id (ids
 * increase with creation), neighbouring ids far apart on the colour wheel (golden-ratio hue steps) and
 * alternating in saturation and brightness, so that up to a few dozen objects stay distinct. The outline is
 * the object's colour made lighter over dark image areas and darker over light ones (judged by the mean
 * luma of the photo under the mask), so it stays readable on light and dark photos.
 */
final class ObjectColours {
    /** 1 / golden ratio: consecutive ids land far apart in hue. */
    private static final double HUE_STEP = 0.6180339887498949;
    private static final int LUMA_SAMPLES = 4096;

    private ObjectColours() {
    }

    /** The instance colour of object {@code id} as 0xRRGGBB. */
    static int instanceRgb(long id) {
        double hue = (0.07 + id * HUE_STEP) % 1.0;
        int variant = (int) (id % 3);
        double saturation = variant == 1 ? 0.65 : 0.85;
        double brightness = variant == 2 ? 0.8 : 1.0;
        return hsbToRgb(hue, saturation, brightness);
    }

    /** An outline of colour {@code rgb} over a photo area of mean luma {@code meanLuma} (0 = black, 1 = white). */
    static int outlineRgb(int rgb, double meanLuma) {
        return meanLuma < 0.55 ? mix(rgb, 0xFFFFFF, 0.55) : mix(rgb, 0x000000, 0.55);
    }

    /** Mean luma (Rec. 601, 0..1) of the image's pixels inside the mask, sampled on a grid of about 4096 points. */
    static double meanLuma(RgbImage image, BitMask mask) {
        return image.size().equals(mask.size()) ? meanLuma(image, 1, mask) : 0.5;
    }

    /**
     * {@link #meanLuma(RgbImage, BitMask)} for an image shown from {@code pixels}, every {@code subsampling}-th
     * original pixel (an overview of a huge image): original (x, y) is read at (x / s, y / s).
     */
    static double meanLuma(RgbImage pixels, int subsampling, BitMask mask) {
        PixelRect box = mask.boundingBox().orElse(null);
        if (box == null) {
            return 0.5;
        }
        int step = (int) Math.max(1, Math.sqrt((double) box.width() * box.height() / LUMA_SAMPLES));
        double sum = 0;
        int count = 0;
        for (int y = box.y(); y < box.y() + box.height(); y += step) {
            int row = Math.min(pixels.height() - 1, y / subsampling);
            for (int x = box.x(); x < box.x() + box.width(); x += step) {
                if (mask.get(x, y)) {
                    int p = pixels.argbAt(Math.min(pixels.width() - 1, x / subsampling), row);
                    sum += 0.299 * (p >> 16 & 255) + 0.587 * (p >> 8 & 255) + 0.114 * (p & 255);
                    count++;
                }
            }
        }
        return count == 0 ? 0.5 : sum / count / 255.0;
    }

    /** {@code a} moved {@code amount} (0..1) of the way to {@code b}, per channel. */
    static int mix(int a, int b, double amount) {
        int r = channel(a >> 16, b >> 16, amount);
        int g = channel(a >> 8, b >> 8, amount);
        int bl = channel(a, b, amount);
        return r << 16 | g << 8 | bl;
    }

    private static int channel(int a, int b, double amount) {
        return (int) Math.round((a & 255) + ((b & 255) - (a & 255)) * amount);
    }

    private static int hsbToRgb(double hue, double saturation, double brightness) {
        double h = hue * 6;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        double p = brightness * (1 - saturation);
        double q = brightness * (1 - saturation * f);
        double t = brightness * (1 - saturation * (1 - f));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {brightness, t, p};
            case 1 -> new double[] {q, brightness, p};
            case 2 -> new double[] {p, brightness, t};
            case 3 -> new double[] {p, q, brightness};
            case 4 -> new double[] {t, p, brightness};
            default -> new double[] {brightness, p, q};
        };
        return (int) Math.round(rgb[0] * 255) << 16 | (int) Math.round(rgb[1] * 255) << 8
                | (int) Math.round(rgb[2] * 255);
    }
}
