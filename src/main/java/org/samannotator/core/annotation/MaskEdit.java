package org.samannotator.core.annotation;

import org.samannotator.core.mask.BitMask;

/**
 * A pixel edit of a mask (a brush or eraser stroke), in original image pixel coordinates. Applying it
 * modifies the given mask in place; implementations are immutable and may be applied many times (a
 * candidate re-applies its strokes when a new decoder result arrives).
 */
@FunctionalInterface
public interface MaskEdit {
    void applyTo(BitMask mask);
}
