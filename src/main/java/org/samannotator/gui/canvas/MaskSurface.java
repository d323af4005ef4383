package org.samannotator.gui.canvas;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;

/**
 * Where a list of masks (the objects, the suggestions) is painted and drawn from: an overlay at the image's
 * resolution for images read in full ({@link ImageMaskSurface}), or at screen resolution for huge images
 * ({@link ScreenObjectsLayer}). The paints are built (supplier called) only when {@code key} changed.
 */
interface MaskSurface {
    void draw(GraphicsContext g, Object key, Supplier<List<MaskPaint>> paints, Viewport view, double width,
            double height);

    /** The surface for an image of {@code size} read at full resolution ({@code reduced} false) or as an overview. */
    static MaskSurface forImage(org.samannotator.core.geometry.Size size, boolean reduced) {
        return reduced ? new ScreenObjectsLayer() : new ImageMaskSurface(size);
    }
}
