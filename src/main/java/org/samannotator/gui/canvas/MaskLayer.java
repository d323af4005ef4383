package org.samannotator.gui.canvas;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;

/**
 * A translucent overlay image at the ORIGINAL image resolution (one overlay pixel per image pixel, drawn
 * without smoothing so mask edges stay pixel-exact at any zoom). Masks are painted with a fill colour and a
 * two-pixel outline; only the bounding box of what changed is rewritten.
 *
 * <p>The image shares its pixels with this layer (a {@link PixelBuffer} over premultiplied ARGB ints), so
 * a change costs no pixel-format conversion and the renderer is told only the changed rectangle.
 */
final class MaskLayer {
    private final Size size;
    private final int[] buffer;
    private final PixelBuffer<IntBuffer> pixels;
    private final WritableImage image;
    private PixelRect dirty;
    private PixelRect pending;

    MaskLayer(Size size) {
        this.size = size;
        this.buffer = new int[(int) size.area()];
        this.pixels = new PixelBuffer<>(size.width(), size.height(), IntBuffer.wrap(buffer),
                PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(pixels);
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

    /** Bounding box (x, y, width, height) of what was painted since the last {@link #clear()}; empty if nothing. */
    Optional<PixelRect> contentBounds() {
        return Optional.ofNullable(dirty);
    }

    /**
     * Paints {@code mask} with {@code fillArgb} inside and {@code outlineArgb} on the pixels within
     * {@code outlineWidth} pixels of its edge (wider outlines stay visible when the image is shown small).
     * Colours are non-premultiplied 0xAARRGGBB.
     */
    void paint(BitMask mask, int fillArgb, int outlineArgb, int outlineWidth) {
        PixelRect box = MaskRaster.paint(mask, buffer, premultiplied(fillArgb), premultiplied(outlineArgb),
                outlineWidth);
        if (box != null) {
            dirty = union(dirty, box);
        }
    }

    /** Hands the changed region (cleared and painted) to the image. */
    void flush() {
        PixelRect region = union(pending, dirty);
        pending = null;
        if (region != null) {
            pixels.updateBuffer(changed -> new Rectangle2D(region.x(), region.y(), region.width(), region.height()));
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

    /** 0xAARRGGBB with the colour channels multiplied by alpha (the layer's pixel format). */
    static int premultiplied(int argb) {
        int alpha = argb >>> 24;
        if (alpha == 255) {
            return argb;
        }
        int r = ((argb >> 16 & 255) * alpha + 127) / 255;
        int g = ((argb >> 8 & 255) * alpha + 127) / 255;
        int b = ((argb & 255) * alpha + 127) / 255;
        return alpha << 24 | r << 16 | g << 8 | b;
    }
}
