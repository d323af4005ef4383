package org.samannotator.gui.canvas;

import java.util.Optional;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/**
 * Which part of a huge image to decode at which resolution for the current view (pure logic, no JavaFX).
 * The canvas shows a huge image from an overview (every s-th original pixel); once the zoom shows an
 * overview pixel larger than a screen pixel, the visible part is decoded again with a finer subsampling.
 *
 * <p>Frames: regions are (x, y, width, height) in ORIGINAL image pixels; the view is screen = original *
 * scale + (tx, ty) in the canvas's logical pixels.
 */
final class DetailPlan {
    /** Regions are grown to multiples of this many decoded pixels, so small pans reuse the decoded region. */
    static final int GRID = 256;
    /** Share of the visible width (and height) added on each side, so a pan does not show the overview at once. */
    static final double MARGIN = 0.25;

    /** A region to decode: {@code region} in original pixels, keeping every {@code subsampling}-th pixel. */
    record Request(PixelRect region, int subsampling) {
        /** Decoded pixels: ceil(width / s) x ceil(height / s). */
        long pixels() {
            long w = (region.width() + subsampling - 1) / subsampling;
            long h = (region.height() + subsampling - 1) / subsampling;
            return w * h;
        }
    }

    private DetailPlan() {
    }

    /**
     * The subsampling that shows at least one decoded pixel per screen pixel at {@code scale} (screen pixels
     * per original pixel): the largest integer d with d * scale <= 1, at least 1.
     */
    static int subsamplingFor(double scale) {
        return (int) Math.max(1, Math.floor(1 / scale + 1e-9));
    }

    /**
     * The region to decode for the view, or empty when the overview (subsampling {@code overview}) already
     * shows at least one pixel per screen pixel, or nothing of the image is visible.
     */
    static Optional<Request> plan(Size image, int overview, double scale, double tx, double ty, double width,
            double height) {
        int subsampling = subsamplingFor(scale);
        if (subsampling >= overview) {
            return Optional.empty();
        }
        PixelRect visible = visible(image, scale, tx, ty, width, height).orElse(null);
        if (visible == null) {
            return Optional.empty();
        }
        int step = GRID * subsampling;
        int[] xs = grow(visible.x(), visible.width(), image.width(), step);
        int[] ys = grow(visible.y(), visible.height(), image.height(), step);
        return Optional.of(new Request(new PixelRect(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0]), subsampling));
    }

    /** The original pixels (x, y, width, height) any part of which is on screen; empty when none. */
    static Optional<PixelRect> visible(Size image, double scale, double tx, double ty, double width, double height) {
        int x0 = Math.max(0, (int) Math.floor(-tx / scale));
        int y0 = Math.max(0, (int) Math.floor(-ty / scale));
        int x1 = Math.min(image.width(), (int) Math.ceil((width - tx) / scale));
        int y1 = Math.min(image.height(), (int) Math.ceil((height - ty) / scale));
        return x1 > x0 && y1 > y0 ? Optional.of(new PixelRect(x0, y0, x1 - x0, y1 - y0)) : Optional.empty();
    }

    /** [from, to) grown by the margin on both sides, aligned outwards to multiples of {@code step}, clipped to [0, limit). */
    private static int[] grow(int start, int length, int limit, int step) {
        int margin = (int) Math.ceil(length * MARGIN);
        int from = Math.floorDiv(Math.max(0, start - margin), step) * step;
        long to = -Math.floorDiv(-(long) (start + length + margin), step) * step;
        return new int[] {from, (int) Math.min(limit, to)};
    }

    /** True when {@code outer} contains all of {@code inner}. */
    static boolean contains(PixelRect outer, PixelRect inner) {
        return inner.x() >= outer.x() && inner.y() >= outer.y()
                && inner.x() + inner.width() <= outer.x() + outer.width()
                && inner.y() + inner.height() <= outer.y() + outer.height();
    }

    /** True when the two rectangles share at least one pixel. */
    static boolean intersects(PixelRect a, PixelRect b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
