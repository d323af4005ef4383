package org.samannotator.core.image;

import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/**
 * The EXIF/TIFF Orientation tag (0x0112, values 1-8): how the stored pixel grid must be transformed to be
 * displayed upright. Values 5-8 swap width and height. Naming follows PIL's {@code ImageOps.exif_transpose}:
 * 6 is "rotate the stored image 90 degrees clockwise", 8 is "rotate 90 degrees counter-clockwise".
 */
public enum ExifOrientation {
    NORMAL(1),
    MIRROR_HORIZONTAL(2),
    ROTATE_180(3),
    MIRROR_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CW(6),
    TRANSVERSE(7),
    ROTATE_90_CCW(8);

    private final int tagValue;

    ExifOrientation(int tagValue) {
        this.tagValue = tagValue;
    }

    /** The EXIF tag value 1-8. */
    public int tagValue() {
        return tagValue;
    }

    /** The orientation for an EXIF tag value; anything outside 1-8 is treated as {@link #NORMAL}. */
    public static ExifOrientation fromTagValue(int value) {
        for (ExifOrientation o : values()) {
            if (o.tagValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** True for 5-8, where the displayed image is the stored one with width and height swapped. */
    public boolean swapsAxes() {
        return tagValue >= 5;
    }

    /** The (width, height) of the displayed image for a stored image of the given size. */
    public Size displaySize(Size stored) {
        return swapsAxes() ? new Size(stored.height(), stored.width()) : stored;
    }

    /** Returns the upright image; {@link #NORMAL} returns the same instance, otherwise a new pixel array. */
    public RgbImage apply(RgbImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int sw = stored.width();
        int sh = stored.height();
        Size display = displaySize(stored.size());
        int dw = display.width();
        int dh = display.height();
        int[] src = stored.argb();
        int[] dst = new int[src.length];
        // stored index of display (dx, dy) is affine: origin + dx * stepX + dy * stepY
        int[] affine = storedIndexAffine(sw, sh);
        int origin = affine[0];
        int stepX = affine[1];
        int stepY = affine[2];
        for (int dy = 0; dy < dh; dy++) {
            int row = dy * dw;
            int index = origin + dy * stepY;
            for (int dx = 0; dx < dw; dx++, index += stepX) {
                dst[row + dx] = src[index];
            }
        }
        return new RgbImage(display, dst);
    }

    /**
     * The rectangle (x, y, width, height) of the STORED image that holds the DISPLAY rectangle {@code display}
     * of an image stored at {@code stored} (width, height).
     */
    public PixelRect storedRegion(PixelRect display, Size stored) {
        int sw = stored.width();
        int[] affine = storedIndexAffine(sw, stored.height());
        int first = affine[0] + display.x() * affine[1] + display.y() * affine[2];
        int lastX = display.x() + display.width() - 1;
        int lastY = display.y() + display.height() - 1;
        int last = affine[0] + lastX * affine[1] + lastY * affine[2];
        int x0 = Math.min(first % sw, last % sw);
        int y0 = Math.min(first / sw, last / sw);
        return new PixelRect(x0, y0, Math.max(first % sw, last % sw) - x0 + 1, Math.max(first / sw, last / sw) - y0 + 1);
    }

    /** {origin, stepX, stepY} such that display (dx, dy) shows stored index origin + dx*stepX + dy*stepY. */
    private int[] storedIndexAffine(int sw, int sh) {
        int lastRow = (sh - 1) * sw;
        return switch (this) {
            case NORMAL -> new int[] {0, 1, sw};
            case MIRROR_HORIZONTAL -> new int[] {sw - 1, -1, sw};
            case ROTATE_180 -> new int[] {lastRow + sw - 1, -1, -sw};
            case MIRROR_VERTICAL -> new int[] {lastRow, 1, -sw};
            case TRANSPOSE -> new int[] {0, sw, 1};
            case ROTATE_90_CW -> new int[] {lastRow, -sw, 1};
            case TRANSVERSE -> new int[] {lastRow + sw - 1, -sw, -1};
            case ROTATE_90_CCW -> new int[] {sw - 1, sw, -1};
        };
    }
}
