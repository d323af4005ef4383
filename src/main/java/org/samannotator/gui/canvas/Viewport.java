package org.samannotator.gui.canvas;

import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;

/**
 * Zoom and pan of the canvas: screen = image * scale + translate, in the canvas's logical (DPI-independent)
 * pixels. Scale is clamped to [{@value #MIN_SCALE}, {@value #MAX_SCALE}].
 */
final class Viewport {
    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 40;

    private double scale = 1;
    private double tx;
    private double ty;

    double scale() {
        return scale;
    }

    double tx() {
        return tx;
    }

    double ty() {
        return ty;
    }

    ImagePoint toImage(double sx, double sy) {
        return new ImagePoint((sx - tx) / scale, (sy - ty) / scale);
    }

    double toScreenX(double ix) {
        return ix * scale + tx;
    }

    double toScreenY(double iy) {
        return iy * scale + ty;
    }

    /** Fits the whole image in a view of (viewWidth, viewHeight), centred, with a 10 px margin. */
    void fit(Size image, double viewWidth, double viewHeight) {
        double s = Math.min((viewWidth - 20) / image.width(), (viewHeight - 20) / image.height());
        scale = clamp(s > 0 ? s : 1);
        centre(image, viewWidth, viewHeight);
    }

    /** 100%: one image pixel per logical screen pixel, centred. */
    void actualSize(Size image, double viewWidth, double viewHeight) {
        scale = 1;
        centre(image, viewWidth, viewHeight);
    }

    private void centre(Size image, double viewWidth, double viewHeight) {
        tx = (viewWidth - image.width() * scale) / 2;
        ty = (viewHeight - image.height() * scale) / 2;
    }

    /** Zooms by {@code factor} keeping the image point under screen (sx, sy) fixed. */
    void zoomAt(double factor, double sx, double sy) {
        ImagePoint anchor = toImage(sx, sy);
        scale = clamp(scale * factor);
        tx = sx - anchor.x() * scale;
        ty = sy - anchor.y() * scale;
    }

    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
