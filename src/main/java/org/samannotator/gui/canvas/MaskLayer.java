package org.samannotator.gui.canvas;

import java.util.Arrays;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;

/**
 * A translucent overlay image at the ORIGINAL image resolution (one overlay pixel per image pixel, drawn
 * without smoothing so mask edges stay pixel-exact at any zoom). Masks are painted with a fill colour and a
 * two-pixel outline; only the bounding box of what changed is rewritten.
 */
final class MaskLayer {
    private final Size size;
    private final WritableImage image;
    private final int[] buffer;
    private PixelRect dirty;
    private PixelRect pending;

    MaskLayer(Size size) {
        this.size = size;
        this.image = new WritableImage(size.width(), size.height());
        this.buffer = new int[(int) size.area()];
    }

    Size size() {
        return size;
    }

    WritableImage image() {
        return image;
    }

    /** Erases everything painted so far (takes effect in the image at the next {@link #flush()}). */
    void clear() {
        if (dirty != null) {
            for (int y = dirty.y(); y < dirty.y() + dirty.height(); y++) {
                int row = y * size.width();
                Arrays.fill(buffer, row + dirty.x(), row + dirty.x() + dirty.width(), 0);
            }
            pending = union(pending, dirty);
            dirty = null;
        }
    }

    /**
     * Paints {@code mask} with {@code fillArgb} inside and {@code outlineArgb} on the pixels within
     * {@code outlineWidth} pixels of its edge (wider outlines stay visible when the image is shown small).
     */
    void paint(BitMask mask, int fillArgb, int outlineArgb, int outlineWidth) {
        PixelRect box = mask.boundingBox().orElse(null);
        if (box == null) {
            return;
        }
        int w = size.width();
        int h = size.height();
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                if (!mask.get(x, y)) {
                    continue;
                }
                buffer[y * w + x] = isBorder(mask, x, y, w, h, outlineWidth) ? outlineArgb : fillArgb;
            }
        }
        dirty = union(dirty, box);
    }

    /** True within {@code width} pixels of the mask's edge (4-neighbourhood). */
    private static boolean isBorder(BitMask mask, int x, int y, int w, int h, int width) {
        for (int d = 1; d <= width; d++) {
            if (x - d < 0 || y - d < 0 || x + d >= w || y + d >= h || !mask.get(x - d, y) || !mask.get(x + d, y)
                    || !mask.get(x, y - d) || !mask.get(x, y + d)) {
                return true;
            }
        }
        return false;
    }

    /** Copies the changed region (cleared and painted) to the image. */
    void flush() {
        PixelRect region = union(pending, dirty);
        pending = null;
        if (region != null) {
            image.getPixelWriter().setPixels(region.x(), region.y(), region.width(), region.height(),
                    PixelFormat.getIntArgbInstance(), buffer, region.y() * size.width() + region.x(), size.width());
        }
    }

    private static PixelRect union(PixelRect a, PixelRect b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int x0 = Math.min(a.x(), b.x());
        int y0 = Math.min(a.y(), b.y());
        int x1 = Math.max(a.x() + a.width(), b.x() + b.width());
        int y1 = Math.max(a.y() + a.height(), b.y() + b.height());
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** 0xAARRGGBB from a 0xRRGGBB colour and an opacity in [0, 1]. */
    static int argb(int rgb, double opacity) {
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return alpha << 24 | rgb & 0xFFFFFF;
    }
}
