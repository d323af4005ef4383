package org.samannotator.core.geometry;

/**
 * A point in some image frame, (x, y) with x to the right and y down. Which frame (original pixels
 * or the 1024 model frame) is stated by the API that takes or returns it; pixel centres are at
 * integer + 0.5 in continuous coordinates, but prompts use SAM's convention (pixel index as coordinate).
 */
public record ImagePoint(double x, double y) {
    public ImagePoint scaled(double factor) {
        return new ImagePoint(x * factor, y * factor);
    }

    public double distanceTo(ImagePoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
