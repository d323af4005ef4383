package org.samannotator.core.eval;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * Images and prompts for latency benchmarks. The synthetic image is a deterministic function of the pixel
 * position: a textured background (sinusoid bands plus hashed noise) with an elliptic, differently textured
 * object centred at (0.50 w, 0.52 h) with radii (0.20 w, 0.27 h). Prompts are placed at fixed fractions of
 * the image size relative to that object, in original pixel coordinates, so every size gets equivalent
 * prompts.
 */
public final class BenchmarkImages {
    /** The object's centre and radii as fractions of the width and height. */
    private static final double CX = 0.50, CY = 0.52, RX = 0.20, RY = 0.27;

    /** A named prompt; {@code feedPreviousMask} = run it once first and feed that chosen low-res mask back. */
    public record PromptCase(String name, Prompt prompt, boolean feedPreviousMask) {
    }

    private BenchmarkImages() {
    }

    /** The deterministic synthetic textured image with one object, of the given size. */
    public static RgbImage synthetic(Size size) {
        int width = size.width();
        int height = size.height();
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            double v = (y + 0.5) / height;
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width;
                int noise = (hash(x, y) & 31) - 16;
                argb[y * width + x] = insideObject(u, v) ? objectColor(u, v, noise) : backgroundColor(u, v, noise);
            }
        }
        return new RgbImage(size, argb);
    }

    /** The pixels of the synthetic image's object (its exact ground truth). */
    public static BitMask syntheticObject(Size size) {
        return BitMask.fromPredicate(size,
                (x, y) -> insideObject((x + 0.5) / size.width(), (y + 0.5) / size.height()));
    }

    /**
     * A point inside the synthetic image's object, in original pixels: {@code radiusFraction} of the way from
     * the object's centre (0) to its edge (1) in direction {@code angle} (radians, 0 = +x, y down).
     */
    public static ImagePoint pointInObject(Size size, double radiusFraction, double angle) {
        double u = CX + RX * radiusFraction * Math.cos(angle);
        double v = CY + RY * radiusFraction * Math.sin(angle);
        return new ImagePoint(Math.floor(u * size.width()), Math.floor(v * size.height()));
    }

    /** True when the pixel centre (u, v), as fractions of width and height, lies in the object ellipse. */
    private static boolean insideObject(double u, double v) {
        double du = (u - CX) / RX;
        double dv = (v - CY) / RY;
        return du * du + dv * dv <= 1.0;
    }

    /** Scales an image to exactly {@code size} with bilinear interpolation (aspect ratio not kept). */
    public static RgbImage resized(RgbImage image, Size size) {
        BufferedImage source = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        source.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        BufferedImage target = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, size.width(), size.height(), null);
        } finally {
            graphics.dispose();
        }
        return new RgbImage(size, target.getRGB(0, 0, size.width(), size.height(), null, 0, size.width()));
    }

    /**
     * The benchmark prompts for an image of this size: "1 point" (object centre), "3 points" (2 positive,
     * 1 negative), "6 points" (4 positive, 2 negative), "box" (the object's bounding box plus a margin) and
     * "1 point + mask" (the 1-point prompt with the previous low-res mask fed back).
     */
    public static List<PromptCase> prompts(Size size) {
        PromptPoint centre = fg(size, CX, CY);
        PromptPoint top = fg(size, CX, CY - 0.12);
        PromptPoint negativeA = bg(size, 0.15, 0.20);
        List<PromptCase> cases = new ArrayList<>();
        cases.add(new PromptCase("1 point", Prompt.ofPoints(List.of(centre)), false));
        cases.add(new PromptCase("3 points", Prompt.ofPoints(List.of(centre, top, negativeA)), false));
        cases.add(new PromptCase("6 points", Prompt.ofPoints(List.of(centre, top, fg(size, 0.42, 0.60),
                fg(size, 0.58, 0.60), negativeA, bg(size, 0.85, 0.80))), false));
        Box box = new Box((CX - RX - 0.02) * size.width(), (CY - RY - 0.02) * size.height(),
                (CX + RX + 0.02) * size.width(), (CY + RY + 0.02) * size.height());
        cases.add(new PromptCase("box", new Prompt(List.of(), Optional.of(box), Optional.<LowResMask>empty()), false));
        cases.add(new PromptCase("1 point + mask", Prompt.ofPoints(List.of(centre)), true));
        return cases;
    }

    private static PromptPoint fg(Size size, double u, double v) {
        return PromptPoint.foreground(Math.floor(u * size.width()), Math.floor(v * size.height()));
    }

    private static PromptPoint bg(Size size, double u, double v) {
        return PromptPoint.background(Math.floor(u * size.width()), Math.floor(v * size.height()));
    }

    private static int backgroundColor(double u, double v, int noise) {
        double band = Math.sin(12 * Math.PI * u + 3 * Math.sin(8 * Math.PI * v));
        return rgb(70 + 40 * band + noise, 120 + 30 * Math.cos(10 * Math.PI * v) + noise, 90 + 25 * band + noise);
    }

    private static int objectColor(double u, double v, int noise) {
        double stripes = Math.sin(40 * Math.PI * (u + v));
        return rgb(215 + 25 * stripes + noise, 120 + 20 * stripes + noise, 40 + noise);
    }

    private static int rgb(double r, double g, double b) {
        return 0xFF000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** A fixed integer hash of a pixel position (deterministic noise). */
    private static int hash(int x, int y) {
        int h = x * 0x27d4eb2d ^ y * 0x165667b1;
        h ^= h >>> 15;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
