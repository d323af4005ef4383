package org.samannotator.core.mask;

/** Point-to-segment distances in continuous pixel coordinates. */
final class SegmentGeometry {
    private SegmentGeometry() {
    }

    /**
     * Squared distance from (px, py) to the segment (ax, ay)-(bx, by); a point segment when a == b. Uses the
     * endpoint difference beyond the ends and the cross product inside, so axis-aligned cases are exact.
     */
    static double squaredDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double along = (px - ax) * dx + (py - ay) * dy;
        if (lengthSquared == 0 || along <= 0) {
            return square(px - ax) + square(py - ay);
        }
        if (along >= lengthSquared) {
            return square(px - bx) + square(py - by);
        }
        double cross = (px - ax) * dy - (py - ay) * dx;
        return cross * cross / lengthSquared;
    }

    private static double square(double v) {
        return v * v;
    }

    static double distance(double px, double py, double ax, double ay, double bx, double by) {
        return Math.sqrt(squaredDistance(px, py, ax, ay, bx, by));
    }
}
