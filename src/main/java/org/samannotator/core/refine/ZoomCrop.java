package org.samannotator.core.refine;

import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;

/**
 * The crop of RITM's ZoomIn: a rectangle of the original image, (x0, y0) top-left pixel and width x height
 * pixels, all in original image pixels (x to the right, y down), always inside the image. The crop frame is
 * the crop's own pixels: image pixel (x, y) is crop pixel (x - x0, y - y0). Only translation lives here; the
 * scaling of the crop to the model frame is the crop embedding's {@link org.samannotator.core.geometry.SamTransform}.
 */
public record ZoomCrop(int x0, int y0, int width, int height) {
    /** RITM's expansion of the object's box (each side, about its centre). */
    public static final double EXPANSION = 1.4;
    /** RITM's smallest crop side in original pixels. */
    public static final int MIN_SIDE = 200;
    /** The gate: zoom only when the crop covers less than this share of the image (small objects). */
    public static final double MAX_IMAGE_SHARE = 0.5;
    /** RITM's recompute threshold: a new crop replaces the current one when their IoU is below this. */
    public static final double RECOMPUTE_IOU = 0.5;

    public ZoomCrop {
        if (x0 < 0 || y0 < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("not a crop: " + x0 + "," + y0 + " " + width + "x" + height);
        }
    }

    /**
     * The crop around an object: the tight box of {@code mask} (original image size) and of the positive
     * clicks of {@code points} (original pixel indices as (x, y)), expanded {@value #EXPANSION}x about its
     * centre, made square with the longer side, at least {@value #MIN_SIDE} px, then shifted into the image
     * (keeping its size) and cut only where the image is smaller than the side. Empty when there is neither a
     * mask pixel nor a positive click.
     */
    public static Optional<ZoomCrop> around(BitMask mask, List<PromptPoint> points, Size image) {
        if (!mask.size().equals(image)) {
            throw new IllegalArgumentException("mask is " + mask.size() + ", image " + image);
        }
        Optional<PixelRect> maskBox = mask.boundingBox();
        int minX = maskBox.map(PixelRect::x).orElse(Integer.MAX_VALUE);
        int minY = maskBox.map(PixelRect::y).orElse(Integer.MAX_VALUE);
        int maxX = maskBox.map(b -> b.x() + b.width() - 1).orElse(-1);
        int maxY = maskBox.map(b -> b.y() + b.height() - 1).orElse(-1);
        for (PromptPoint point : points) {
            if (point.label() == PointLabel.FOREGROUND) {
                int x = pixelIndex(point.position().x(), image.width());
                int y = pixelIndex(point.position().y(), image.height());
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        if (maxX < 0) {
            return Optional.empty();
        }
        double side = Math.max(MIN_SIDE, EXPANSION * Math.max(maxX - minX + 1, maxY - minY + 1));
        int[] xs = placed(0.5 * (minX + maxX + 1), side, image.width());
        int[] ys = placed(0.5 * (minY + maxY + 1), side, image.height());
        return Optional.of(new ZoomCrop(xs[0], ys[0], xs[1], ys[1]));
    }

    /** {start, length} of a side of {@code side} pixels centred at {@code centre}, inside [0, limit). */
    private static int[] placed(double centre, double side, int limit) {
        int length = (int) Math.min(limit, Math.ceil(side));
        int start = (int) Math.round(centre - 0.5 * length);
        return new int[] {Math.max(0, Math.min(start, limit - length)), length};
    }

    private static int pixelIndex(double coordinate, int limit) {
        return (int) Math.max(0, Math.min(limit - 1, Math.floor(coordinate)));
    }

    /** The crop's size in pixels (width, height). */
    public Size size() {
        return new Size(width, height);
    }

    public long area() {
        return (long) width * height;
    }

    /** The gate: true when this crop covers less than {@value #MAX_IMAGE_SHARE} of {@code image}'s area. */
    public boolean isSmallIn(Size image) {
        return area() < MAX_IMAGE_SHARE * image.area();
    }

    /** True when {@code p} (original pixel coordinates) lies on the crop: [x0, x0 + width) x [y0, y0 + height). */
    public boolean contains(ImagePoint p) {
        return p.x() >= x0 && p.y() >= y0 && p.x() < x0 + width && p.y() < y0 + height;
    }

    /** Intersection over union of the two rectangles' areas. */
    public double iou(ZoomCrop other) {
        long w = Math.max(0, Math.min(x0 + width, other.x0 + other.width) - Math.max(x0, other.x0));
        long h = Math.max(0, Math.min(y0 + height, other.y0 + other.height) - Math.max(y0, other.y0));
        long intersection = w * h;
        return (double) intersection / (area() + other.area() - intersection);
    }

    /**
     * RITM's recompute rule: replace this crop by {@code candidate} when the newest click is positive and
     * lies outside this crop, or when the two crops overlap with IoU below {@value #RECOMPUTE_IOU}.
     */
    public boolean shouldGiveWayTo(ZoomCrop candidate, PromptPoint newestClick) {
        boolean positiveOutside = newestClick.label() == PointLabel.FOREGROUND && !contains(newestClick.position());
        return positiveOutside || iou(candidate) < RECOMPUTE_IOU;
    }

    /** Original image pixel coordinates to crop coordinates (a translation). */
    public ImagePoint toCrop(ImagePoint p) {
        return new ImagePoint(p.x() - x0, p.y() - y0);
    }

    /** Crop coordinates to original image pixel coordinates (a translation). */
    public ImagePoint toImage(ImagePoint p) {
        return new ImagePoint(p.x() + x0, p.y() + y0);
    }

    /**
     * {@code prompt} (original pixels) in the crop frame: the clicks on the crop translated (clicks off the crop,
     * which can only be negative ones while the recompute rule holds, are left out: the pasted mask is empty there
     * anyway), the box translated and cut to the crop, and {@code previousMask} (crop-frame logits, or null).
     */
    public Prompt promptInCrop(Prompt prompt, LowResMask previousMask) {
        List<PromptPoint> inside = prompt.points().stream().filter(p -> contains(p.position()))
                .map(p -> new PromptPoint(toCrop(p.position()), p.label())).toList();
        Optional<Box> box = prompt.box().map(b -> size().clamp(Box.fromCorners(toCrop(b.topLeft()),
                toCrop(b.bottomRight()))));
        return new Prompt(inside, box, Optional.ofNullable(previousMask));
    }

    /** The crop's pixels: {@code image} (original size) cut to this rectangle, a new image of {@link #size()}. */
    public RgbImage cropOf(RgbImage image) {
        requireInside(image.size());
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.argb(), (y0 + y) * image.width() + x0, argb, y * width, width);
        }
        return new RgbImage(size(), argb);
    }

    /**
     * Pastes {@code cropMask} (this crop's size, crop frame) into a new mask of {@code image} size (original
     * frame) at (x0, y0); every pixel off the crop is unset (RITM's ZoomIn inverse).
     */
    public BitMask pasteInto(BitMask cropMask, Size image) {
        requireInside(image);
        if (!cropMask.size().equals(size())) {
            throw new IllegalArgumentException("crop mask is " + cropMask.size() + ", crop " + size());
        }
        BitMask full = new BitMask(image);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (cropMask.get(x, y)) {
                    full.set(x0 + x, y0 + y);
                }
            }
        }
        return full;
    }

    private void requireInside(Size image) {
        if (x0 + width > image.width() || y0 + height > image.height()) {
            throw new IllegalArgumentException(this + " does not lie inside an image of " + image);
        }
    }
}
