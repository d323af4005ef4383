package org.samannotator.gui.canvas;

import org.samannotator.core.mask.BitMask;

/**
 * One mask to paint on an overlay: {@code fillArgb} inside and {@code outlineArgb} on its pixels within
 * {@code outlineWidth} ORIGINAL image pixels of its edge (colours non-premultiplied 0xAARRGGBB). Painted in
 * order, a later mask replaces the pixels of an earlier one it covers.
 */
record MaskPaint(BitMask mask, int fillArgb, int outlineArgb, int outlineWidth) {
}
