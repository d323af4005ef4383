package org.samannotator.core.session;

import java.util.List;
import org.samannotator.core.annotation.MaskEdit;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.BrushStroke;
import org.samannotator.core.mask.StrokeMode;

/**
 * A brush or eraser stroke as an undoable mask edit: a round brush of {@code radius} ORIGINAL image pixels
 * swept along {@code path} (continuous image coordinates, pixel-corner convention as the canvas maps them).
 */
record BrushMaskEdit(BrushStroke stroke) implements MaskEdit {
    BrushMaskEdit(List<ImagePoint> path, double radius, boolean erase) {
        this(new BrushStroke(path, radius, erase ? StrokeMode.ERASER : StrokeMode.BRUSH));
    }

    @Override
    public void applyTo(BitMask mask) {
        stroke.applyTo(mask);
    }
}
