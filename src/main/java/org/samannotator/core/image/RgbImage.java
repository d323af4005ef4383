package org.samannotator.core.image;

import org.samannotator.core.geometry.Size;

/**
 * A decoded image in its display orientation (EXIF applied): pixels packed as 0xAARRGGBB ints, row-major
 * (index = y * width + x). Alpha is kept for display; the model sees RGB composited on black by the
 * preprocessor. The array is not copied: treat it as read-only.
 */
public record RgbImage(Size size, int[] argb) {
    public RgbImage {
        if (argb.length != size.area()) {
            throw new IllegalArgumentException("pixel count " + argb.length + " does not match " + size);
        }
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    public int argbAt(int x, int y) {
        return argb[y * size.width() + x];
    }
}
