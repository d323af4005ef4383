package org.samannotator.core.geometry;

/**
 * A size in pixels. Always (width, height), never (rows, cols): use this record instead of two ints
 * so the two cannot be swapped at a call site.
 */
public record Size(int width, int height) {
    public Size {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
    }

    public long area() {
        return (long) width * height;
    }

    public int longestSide() {
        return Math.max(width, height);
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** True when {@code p} (continuous pixel coordinates) lies on the image: [0, width) x [0, height). */
    public boolean containsPoint(ImagePoint p) {
        return p.x() >= 0 && p.y() >= 0 && p.x() < width && p.y() < height;
    }

    /** {@code box} cut to [0, width] x [0, height] (an empty box when it lies outside). */
    public Box clamp(Box box) {
        double x0 = Math.min(Math.max(box.x0(), 0), width);
        double y0 = Math.min(Math.max(box.y0(), 0), height);
        return new Box(x0, y0, Math.max(x0, Math.min(box.x1(), width)), Math.max(y0, Math.min(box.y1(), height)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
