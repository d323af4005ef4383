package org.samannotator.gui.canvas;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.PixelRect;

/**
 * Masks painted into one {@link MaskLayer} at the ORIGINAL image resolution (repainted only when the key
 * changes) and drawn scaled to the view: smooth when zoomed out, nearest-neighbour when zoomed in, so single
 * pixels stay visible and exact. For images read in full, where the layer costs as much as the photo.
 */
final class ImageMaskSurface implements MaskSurface {
    private final MaskLayer layer;
    private Object key;

    ImageMaskSurface(Size size) {
        this.layer = new MaskLayer(size);
    }

    @Override
    public void draw(GraphicsContext g, Object nextKey, Supplier<List<MaskPaint>> paints, Viewport view,
            double width, double height) {
        if (!nextKey.equals(key)) {
            key = nextKey;
            layer.clear();
            for (MaskPaint p : paints.get()) {
                if (p.mask().size().equals(layer.size())) {
                    layer.paint(p.mask(), p.fillArgb(), p.outlineArgb(), p.outlineWidth());
                }
            }
            layer.flush();
        }
        g.setImageSmoothing(view.scale() < 1);
        drawContent(g, view);
        g.setImageSmoothing(true);
    }

    /**
     * Draws only the part of the layer that has content, plus one transparent pixel around it (so smoothing
     * at its edge blends to transparent exactly as when drawing the whole layer).
     */
    private void drawContent(GraphicsContext g, Viewport view) {
        PixelRect content = layer.contentBounds().orElse(null);
        if (content == null) {
            return;
        }
        int x0 = Math.max(0, content.x() - 1);
        int y0 = Math.max(0, content.y() - 1);
        int x1 = Math.min(layer.size().width(), content.x() + content.width() + 1);
        int y1 = Math.min(layer.size().height(), content.y() + content.height() + 1);
        double s = view.scale();
        g.drawImage(layer.image(), x0, y0, x1 - x0, y1 - y0, view.toScreenX(x0), view.toScreenY(y0), (x1 - x0) * s,
                (y1 - y0) * s);
    }
}
