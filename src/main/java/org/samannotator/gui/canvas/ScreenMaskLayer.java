package org.samannotator.gui.canvas;

import java.nio.IntBuffer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.mask.PixelRect;

/**
 * One mask shown at SCREEN resolution (the candidate, the hover preview): each screen pixel of the part of
 * the mask's bounds that is visible shows the mask at the original pixel under the screen pixel's centre
 * (the pixel the photo shows there), sampled through {@link MaskView#sample} so a candidate straight from
 * the decoder is drawn from its low-res logits without computing its full-size mask. The result is painted
 * (fill plus an outline {@value #OUTLINE} screen pixels wide) into an image of exactly that part and drawn
 * 1:1. It is re-rendered only when the view, the zoom, the pan, the canvas size or the colours change.
 */
final class ScreenMaskLayer {
    /** Outline width in screen pixels; also how far past the canvas the render reaches, so no outline shows at its edge. */
    static final int OUTLINE = 2;

    private MaskView shownView;
    private Placement shownPlacement;
    private WritableImage image;
    private int imageX;
    private int imageY;

    /** Where and how the view is shown; colours are non-premultiplied 0xAARRGGBB. */
    private record Placement(double scale, double tx, double ty, double width, double height, int fill, int outline) {
    }

    /** Draws {@code view} (null: nothing) over a canvas of {@code width x height} screen pixels. */
    void draw(GraphicsContext g, MaskView view, Viewport viewport, double width, double height, int fillArgb,
            int outlineArgb) {
        Placement placement = new Placement(viewport.scale(), viewport.tx(), viewport.ty(), width, height, fillArgb,
                outlineArgb);
        if (view != shownView || !placement.equals(shownPlacement)) {
            render(view, viewport, placement);
            shownView = view;
            shownPlacement = placement;
        }
        if (image != null) {
            g.setImageSmoothing(false);
            g.drawImage(image, imageX, imageY);
            g.setImageSmoothing(true);
        }
    }

    private void render(MaskView view, Viewport viewport, Placement placement) {
        image = null;
        PixelRect bounds = view == null ? null : view.bounds().orElse(null);
        if (bounds == null) {
            return;
        }
        double s = placement.scale();
        int[] columns = screenRange(placement.tx(), s, bounds.x(), bounds.width(), placement.width());
        int[] rows = screenRange(placement.ty(), s, bounds.y(), bounds.height(), placement.height());
        if (columns[1] <= columns[0] || rows[1] <= rows[0]) {
            return;
        }
        int[] xs = samples(columns, placement.tx(), s, bounds.x(), bounds.width());
        int[] ys = samples(rows, placement.ty(), s, bounds.y(), bounds.height());
        BitMask visible = view.sample(xs, ys);
        int[] pixels = new int[xs.length * ys.length];
        if (MaskRaster.paint(visible, pixels, MaskLayer.premultiplied(placement.fill()),
                MaskLayer.premultiplied(placement.outline()), OUTLINE) == null) {
            return;
        }
        image = new WritableImage(new PixelBuffer<>(xs.length, ys.length, IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance()));
        imageX = columns[0];
        imageY = rows[0];
    }

    /**
     * The screen pixels [from, to) along one axis whose centres fall on original pixels [start, start + length),
     * clipped to the canvas plus the outline's reach. {@code offset}: screen position of original 0.
     */
    static int[] screenRange(double offset, double scale, int start, int length, double canvasLength) {
        return screenRange(offset, scale, start, length, canvasLength, OUTLINE);
    }

    /** {@link #screenRange(double, double, int, int, double)} reaching {@code reach} screen pixels past the canvas. */
    static int[] screenRange(double offset, double scale, int start, int length, double canvasLength, int reach) {
        int from = (int) Math.ceil(offset + start * scale - 0.5);
        int to = (int) Math.ceil(offset + (start + length) * scale - 0.5);
        return new int[] {Math.max(from, -reach), Math.min(to, (int) Math.ceil(canvasLength) + reach)};
    }

    /** The original pixel under the centre of each screen pixel of {@code range}, kept in [start, start + length). */
    static int[] samples(int[] range, double offset, double scale, int start, int length) {
        int[] positions = new int[range[1] - range[0]];
        for (int i = 0; i < positions.length; i++) {
            int p = (int) Math.floor((range[0] + i + 0.5 - offset) / scale);
            positions[i] = Math.max(start, Math.min(start + length - 1, p));
        }
        return positions;
    }
}
