package org.samannotator.core.mask;

import java.util.Arrays;
import java.util.List;
import org.samannotator.core.geometry.ImagePoint;

/**
 * A closed polygon ring in COCO's flat form {@code [x1, y1, x2, y2, ...]} (x before y), the last vertex
 * implicitly joined to the first. Coordinates are continuous original-image pixel coordinates with
 * <b>pixel-corner</b> convention: pixel (x, y) is the unit square x..x+1, y..y+1 and its centre is
 * (x + 0.5, y + 0.5); so the outline of the single pixel (2, 3) is [2,3, 3,3, 3,4, 2,4]. Rings with fewer
 * than 3 vertices enclose nothing. Immutable (the array is copied in and out).
 *
 * @param coordinates flat x,y pairs; even length
 */
public record Polygon(double[] coordinates) {
    public Polygon {
        if (coordinates == null || coordinates.length % 2 != 0) {
            throw new IllegalArgumentException("polygon needs an even number of coordinates, got "
                    + (coordinates == null ? "null" : coordinates.length));
        }
        for (double c : coordinates) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("polygon coordinate is not finite: " + c);
            }
        }
        coordinates = coordinates.clone();
    }

    public static Polygon of(List<ImagePoint> vertices) {
        double[] flat = new double[vertices.size() * 2];
        for (int i = 0; i < vertices.size(); i++) {
            flat[2 * i] = vertices.get(i).x();
            flat[2 * i + 1] = vertices.get(i).y();
        }
        return new Polygon(flat);
    }

    @Override
    public double[] coordinates() {
        return coordinates.clone();
    }

    public int vertexCount() {
        return coordinates.length / 2;
    }

    public double x(int vertex) {
        return coordinates[2 * vertex];
    }

    public double y(int vertex) {
        return coordinates[2 * vertex + 1];
    }

    public ImagePoint vertex(int i) {
        return new ImagePoint(x(i), y(i));
    }

    /**
     * Shoelace area with sign: positive when the ring runs clockwise on screen (x right, y down), as outer
     * contours from {@link MaskPolygons} do; negative for their holes.
     */
    public double signedArea() {
        int n = vertexCount();
        double twice = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += x(i) * y(j) - x(j) * y(i);
        }
        return twice / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon other && Arrays.equals(coordinates, other.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "Polygon" + (coordinates.length <= 16 ? Arrays.toString(coordinates) : "[" + vertexCount() + " vertices]");
    }
}
