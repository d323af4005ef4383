package org.samannotator.core.geometry;

/** An axis-aligned box (x0, y0) top-left to (x1, y1) bottom-right, in the frame of the API using it. */
public record Box(double x0, double y0, double x1, double y1) {
    /** Builds a box from two corners given in any order (as a mouse drag produces them). */
    public static Box fromCorners(ImagePoint a, ImagePoint b) {
        return new Box(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()),
                Math.max(a.x(), b.x()), Math.max(a.y(), b.y()));
    }

    public ImagePoint topLeft() {
        return new ImagePoint(x0, y0);
    }

    public ImagePoint bottomRight() {
        return new ImagePoint(x1, y1);
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }
}
