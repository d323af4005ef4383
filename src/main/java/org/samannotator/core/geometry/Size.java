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

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
