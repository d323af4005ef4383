package org.samannotator.core.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;

/**
 * A round brush of radius {@code radius} pixels swept along a polyline, painting (BRUSH) or erasing
 * (ERASER) a {@link BitMask}.
 *
 * <p>The path is in continuous original-image pixel coordinates with pixel-corner convention: pixel (x, y)
 * is the square x..x+1, y..y+1 and its centre is (x + 0.5, y + 0.5); so a mouse position mapped to image
 * pixels is used as it is, without rounding. Pixel (x, y) is covered when the distance from its centre to
 * the polyline is {@code <= radius}. A one-point path covers a disc. Only the bounding box of each segment
 * (grown by the radius) is visited.
 *
 * @param path   polyline vertices (at least one, all finite); copied
 * @param radius brush radius in pixels, finite and &gt;= 0
 * @param mode   paint or erase
 */
public record BrushStroke(List<ImagePoint> path, double radius, StrokeMode mode) {
    public BrushStroke {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a stroke needs at least one point");
        }
        for (ImagePoint p : path) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                throw new IllegalArgumentException("stroke point is not finite: " + p);
            }
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("brush radius must be a finite number >= 0, got " + radius);
        }
        if (mode == null) {
            throw new IllegalArgumentException("stroke mode is required");
        }
        path = List.copyOf(path);
    }

    /** A stroke that is a single dab (disc) at {@code centre}. */
    public static BrushStroke dab(ImagePoint centre, double radius, StrokeMode mode) {
        return new BrushStroke(List.of(centre), radius, mode);
    }

    /** This stroke with one more point at the end (for live drawing; the stroke itself is unchanged). */
    public BrushStroke extendedTo(ImagePoint next) {
        List<ImagePoint> longer = new ArrayList<>(path);
        longer.add(next);
        return new BrushStroke(longer, radius, mode);
    }

    /** Whether the centre of pixel (x, y) is within {@code radius} of the path. */
    public boolean covers(int x, int y) {
        double limit = radius * radius;
        for (int i = 0; i < segmentCount(); i++) {
            if (squaredDistanceToSegment(i, x + 0.5, y + 0.5) <= limit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the stroke <b>in place</b>: covered pixels of {@code mask} are set (BRUSH) or cleared
     * (ERASER); other pixels are untouched.
     *
     * @return the rectangle (x, y, width, height) of pixels that may have changed, clipped to the mask;
     *     empty when the stroke lies entirely outside the mask
     */
    public Optional<PixelRect> applyTo(BitMask mask) {
        boolean value = mode == StrokeMode.BRUSH;
        double limit = radius * radius;
        for (int i = 0; i < segmentCount(); i++) {
            Optional<PixelRect> box = segmentBounds(i, mask.size());
            if (box.isEmpty()) {
                continue;
            }
            PixelRect r = box.get();
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    if (squaredDistanceToSegment(i, x + 0.5, y + 0.5) <= limit) {
                        mask.set(x, y, value);
                    }
                }
            }
        }
        return bounds(mask.size());
    }

    /** A changed copy of {@code mask}; the argument is left unchanged. */
    public BitMask appliedTo(BitMask mask) {
        BitMask copy = mask.copy();
        applyTo(copy);
        return copy;
    }

    /** The covered pixels as a mask of the given size (independent of the mode). */
    public BitMask footprint(Size size) {
        BitMask mask = new BitMask(size);
        new BrushStroke(path, radius, StrokeMode.BRUSH).applyTo(mask);
        return mask;
    }

    /** Pixels the stroke may cover, clipped to an image of {@code size}; empty if none. */
    public Optional<PixelRect> bounds(Size size) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
        for (int i = 0; i < segmentCount(); i++) {
            Optional<PixelRect> box = segmentBounds(i, size);
            if (box.isPresent()) {
                PixelRect r = box.get();
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.x() + r.width() - 1);
                maxY = Math.max(maxY, r.y() + r.height() - 1);
            }
        }
        return maxX < minX ? Optional.empty() : Optional.of(new PixelRect(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    /** A one-point path has one (degenerate) segment; otherwise path.size() - 1. */
    private int segmentCount() {
        return Math.max(1, path.size() - 1);
    }

    private ImagePoint segmentEnd(int i) {
        return path.get(Math.min(i + 1, path.size() - 1));
    }

    private double squaredDistanceToSegment(int i, double px, double py) {
        ImagePoint a = path.get(i);
        ImagePoint b = segmentEnd(i);
        return SegmentGeometry.squaredDistance(px, py, a.x(), a.y(), b.x(), b.y());
    }

    /** Pixels whose centres lie in the segment's bounding box grown by the radius, clipped to the image. */
    private Optional<PixelRect> segmentBounds(int i, Size size) {
        ImagePoint a = path.get(i);
        ImagePoint b = segmentEnd(i);
        int x0 = firstCentreAtOrAfter(Math.min(a.x(), b.x()) - radius, 0, size.width());
        int x1 = lastCentreAtOrBefore(Math.max(a.x(), b.x()) + radius, -1, size.width() - 1);
        int y0 = firstCentreAtOrAfter(Math.min(a.y(), b.y()) - radius, 0, size.height());
        int y1 = lastCentreAtOrBefore(Math.max(a.y(), b.y()) + radius, -1, size.height() - 1);
        if (x1 < x0 || y1 < y0) {
            return Optional.empty();
        }
        return Optional.of(new PixelRect(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
    }

    /** Smallest pixel index whose centre is >= v, clamped to [low, high]. */
    private static int firstCentreAtOrAfter(double v, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.ceil(v - 0.5)));
    }

    /** Largest pixel index whose centre is <= v, clamped to [low, high]. */
    private static int lastCentreAtOrBefore(double v, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.floor(v - 0.5)));
    }
}
