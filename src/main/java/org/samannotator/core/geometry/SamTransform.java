package org.samannotator.core.geometry;

/**
 * The single source of truth for SAM's "resize longest side" geometry (segment-anything's
 * {@code ResizeLongestSide}): the original image is scaled so its longest side is {@link #targetLength()}
 * pixels, then zero-padded bottom/right to a square. Coordinates map by the same factor both ways.
 */
public record SamTransform(Size original, int targetLength) {
    public static final int SAM_INPUT_SIZE = 1024;

    public static SamTransform forImage(Size original) {
        return new SamTransform(original, SAM_INPUT_SIZE);
    }

    /** Size of the image inside the padded square: segment-anything's get_preprocess_shape (round half up). */
    public Size resized() {
        double scale = scale();
        int w = (int) Math.floor(original.width() * scale + 0.5);
        int h = (int) Math.floor(original.height() * scale + 0.5);
        return new Size(Math.max(1, w), Math.max(1, h));
    }

    /** targetLength / longest side of the original. */
    public double scale() {
        return (double) targetLength / original.longestSide();
    }

    /** Maps a point in original pixel coordinates to the model frame, as apply_coords does (per axis). */
    public ImagePoint toModel(ImagePoint p) {
        Size r = resized();
        return new ImagePoint(p.x() * ((double) r.width() / original.width()),
                p.y() * ((double) r.height() / original.height()));
    }

    /** Inverse of {@link #toModel}. */
    public ImagePoint toOriginal(ImagePoint p) {
        Size r = resized();
        return new ImagePoint(p.x() * ((double) original.width() / r.width()),
                p.y() * ((double) original.height() / r.height()));
    }

    public Box toModel(Box b) {
        return Box.fromCorners(toModel(b.topLeft()), toModel(b.bottomRight()));
    }
}
