package org.samannotator.cli;

import java.util.SplittableRandom;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;

/**
 * The synthetic photo the {@code selftest} command segments: a shaded orange ellipse (the object) on a
 * textured green-brown background (low-frequency waves plus per-pixel noise, seeded so every run sees the same
 * pixels). Carries the object's exact mask for scoring and a click point inside it, both in original image
 * pixel coordinates (x right, y down).
 *
 * @param image the generated image, 0xAARRGGBB row-major, opaque
 * @param object the ground-truth mask of the ellipse, same size as the image
 * @param click the foreground click: the ellipse centre
 */
record SelftestScene(RgbImage image, BitMask object, ImagePoint click) {
    /** Default scene size: (width, height) = (640, 480), the size the benchmarks use. */
    static final Size DEFAULT_SIZE = new Size(640, 480);
    private static final long SEED = 20230405L;

    /** Generates the scene at {@link #DEFAULT_SIZE}. */
    static SelftestScene generate() {
        return generate(DEFAULT_SIZE);
    }

    /** Generates the scene at the given size; the ellipse is centred slightly off-centre, 40% x 36% of the image. */
    static SelftestScene generate(Size size) {
        double centreX = size.width() * 0.47;
        double centreY = size.height() * 0.46;
        double radiusX = size.width() * 0.20;
        double radiusY = size.height() * 0.18;
        BitMask object = BitMask.fromPredicate(size, (x, y) -> ellipseValue(x, y, centreX, centreY, radiusX, radiusY) <= 1.0);
        SplittableRandom noise = new SplittableRandom(SEED);
        int[] argb = new int[(int) size.area()];
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                double jitter = noise.nextDouble(-1.0, 1.0);
                argb[y * size.width() + x] = object.get(x, y)
                        ? objectPixel(ellipseValue(x, y, centreX, centreY, radiusX, radiusY), jitter)
                        : backgroundPixel(x, y, jitter);
            }
        }
        return new SelftestScene(new RgbImage(size, argb), object, new ImagePoint(centreX, centreY));
    }

    /** (dx/rx)^2 + (dy/ry)^2 at the pixel centre: below 1 inside the ellipse. */
    private static double ellipseValue(int x, int y, double cx, double cy, double rx, double ry) {
        double dx = (x + 0.5 - cx) / rx;
        double dy = (y + 0.5 - cy) / ry;
        return dx * dx + dy * dy;
    }

    /** Orange, darker towards the rim (a lit, rounded object), with mild noise. */
    private static int objectPixel(double ellipseValue, double jitter) {
        double shade = 1.0 - 0.35 * ellipseValue + 6 * jitter / 255.0;
        return opaque(235 * shade, 120 * shade, 30 * shade);
    }

    /** Green-brown ground: two crossing waves (grass stripes, patches) plus strong per-pixel noise. */
    private static int backgroundPixel(int x, int y, double jitter) {
        double stripes = Math.sin(x * 0.21 + Math.sin(y * 0.05) * 3.0);
        double patches = Math.sin(x * 0.023) * Math.cos(y * 0.031);
        double grain = 28 * jitter;
        return opaque(80 + 18 * patches + grain, 110 + 22 * stripes + 14 * patches + grain, 60 + 10 * stripes + grain);
    }

    private static int opaque(double red, double green, double blue) {
        return 0xFF000000 | channel(red) << 16 | channel(green) << 8 | channel(blue);
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
