package org.samannotator.gui.canvas;

import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.mask.PixelRect;

/**
 * Accepted objects (or suggestions) of a huge image at SCREEN resolution, so no overlay of the image's size
 * is ever allocated: each mask is sampled at the original pixel under each screen pixel's centre, over the
 * visible part of its bounding box only, painted (fill and outline, {@link MaskRaster}) and put into one
 * canvas-sized buffer in order. Re-rendered when the masks or colours (the key), the zoom, the pan or the
 * canvas size change.
 *
 * <p>Outline width in SCREEN pixels: the paint's width in image pixels times the zoom when zoomed in (the
 * same edge pixels as the image-size layer), the paint's width itself when zoomed out (a full-size layer's
 * outline would shrink below a screen pixel), at most 63. At zoom 1 the result equals the image-size
 * {@link MaskLayer} pixel for pixel.
 */
final class ScreenObjectsLayer implements MaskSurface {
    private record Placement(Object key, double scale, double tx, double ty, int width, int height) {
    }

    private Placement shown;
    private WritableImage image;
    /** Bounding boxes by mask identity (a mask's bounding box costs a pass over all its words). */
    private Map<BitMask, Optional<PixelRect>> bounds = new IdentityHashMap<>();

    /** Draws {@code paints} (built only when {@code key} changed) over a canvas of {@code width x height}. */
    @Override
    public void draw(GraphicsContext g, Object key, Supplier<List<MaskPaint>> paints, Viewport view, double width,
            double height) {
        Placement placement = new Placement(key, view.scale(), view.tx(), view.ty(), (int) Math.ceil(width),
                (int) Math.ceil(height));
        if (!placement.equals(shown)) {
            shown = placement;
            int[] pixels = render(paints.get(), view, placement.width(), placement.height());
            image = pixels == null ? null : new WritableImage(new PixelBuffer<>(placement.width(), placement.height(),
                    IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance()));
        }
        if (image != null) {
            g.setImageSmoothing(false);
            g.drawImage(image, 0, 0);
            g.setImageSmoothing(true);
        }
    }

    /** Outline width in screen pixels for {@code imagePixels} image pixels at {@code scale}. */
    static int screenOutline(int imagePixels, double scale) {
        return (int) Math.min(63, Math.round(imagePixels * Math.max(1, scale)));
    }

    /**
     * The premultiplied ARGB pixels (row-major, {@code width x height}) of the paints under the view, or null
     * when none is visible.
     */
    int[] render(List<MaskPaint> paints, Viewport view, int width, int height) {
        Map<BitMask, Optional<PixelRect>> known = bounds;
        bounds = new IdentityHashMap<>();
        int[] screen = null;
        for (MaskPaint paint : paints) {
            Optional<PixelRect> box = known.containsKey(paint.mask()) ? known.get(paint.mask())
                    : paint.mask().boundingBox();
            bounds.put(paint.mask(), box);
            if (box.isPresent()) {
                screen = paintOne(screen, paint, box.get(), view, width, height);
            }
        }
        return screen;
    }

    private static int[] paintOne(int[] screen, MaskPaint paint, PixelRect box, Viewport view, int width, int height) {
        int outline = screenOutline(paint.outlineWidth(), view.scale());
        double s = view.scale();
        int[] columns = ScreenMaskLayer.screenRange(view.tx(), s, box.x(), box.width(), width, outline);
        int[] rows = ScreenMaskLayer.screenRange(view.ty(), s, box.y(), box.height(), height, outline);
        if (columns[1] <= columns[0] || rows[1] <= rows[0]) {
            return screen;
        }
        int[] xs = ScreenMaskLayer.samples(columns, view.tx(), s, box.x(), box.width());
        int[] ys = ScreenMaskLayer.samples(rows, view.ty(), s, box.y(), box.height());
        BitMask visible = MaskView.of(paint.mask()).sample(xs, ys);
        int[] painted = new int[xs.length * ys.length];
        if (MaskRaster.paint(visible, painted, MaskLayer.premultiplied(paint.fillArgb()),
                MaskLayer.premultiplied(paint.outlineArgb()), outline) == null) {
            return screen;
        }
        int[] out = screen != null ? screen : new int[width * height];
        for (int j = Math.max(0, -rows[0]); j < ys.length && rows[0] + j < height; j++) {
            int target = (rows[0] + j) * width + columns[0];
            for (int i = Math.max(0, -columns[0]); i < xs.length && columns[0] + i < width; i++) {
                if (visible.get(i, j)) {
                    out[target + i] = painted[j * xs.length + i];
                }
            }
        }
        return out;
    }
}
