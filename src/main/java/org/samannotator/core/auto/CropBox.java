package org.samannotator.core.auto;

import org.samannotator.core.geometry.Size;

/**
 * A crop of the image in original pixels, XYXY with exclusive end ({@code x1 - x0} is the crop's width), as
 * segment-anything's crop boxes; {@code layer} 0 is the whole image.
 */
public record CropBox(int x0, int y0, int x1, int y1, int layer) {
    public CropBox {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("empty crop box " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
    }

    public static CropBox whole(Size image) {
        return new CropBox(0, 0, image.width(), image.height(), 0);
    }

    public Size size() {
        return new Size(x1 - x0, y1 - y0);
    }

    public long area() {
        return (long) (x1 - x0) * (y1 - y0);
    }

    public boolean coversWhole(Size image) {
        return x0 == 0 && y0 == 0 && x1 == image.width() && y1 == image.height();
    }

    /** {x0, y0, width, height}, as the SA-1B {@code crop_box} field. */
    public int[] toXywh() {
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
