package org.samannotator.core.auto;

import java.util.Optional;
import org.samannotator.core.mask.PixelRect;

/**
 * A mask's box as segment-anything's {@code batched_mask_to_box} gives it: XYXY in pixel indices with the
 * right/bottom edge <b>inclusive</b> (a one-pixel mask at (5, 7) is (5, 7, 5, 7)); (0, 0, 0, 0) for an empty
 * mask. Its area in NMS is {@code (x1 - x0) * (y1 - y0)}, as torchvision computes it.
 */
public record MaskBox(int x0, int y0, int x1, int y1) {
    public static final MaskBox EMPTY = new MaskBox(0, 0, 0, 0);

    public static MaskBox of(Optional<PixelRect> bounds) {
        return bounds.map(r -> new MaskBox(r.x(), r.y(), r.x() + r.width() - 1, r.y() + r.height() - 1)).orElse(EMPTY);
    }

    public MaskBox offset(int dx, int dy) {
        return new MaskBox(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }

    public double nmsArea() {
        return (double) (x1 - x0) * (y1 - y0);
    }

    /** torchvision's box IoU: intersection over union of the XYXY boxes; NaN when both areas are 0. */
    public double iou(MaskBox other) {
        double w = Math.max(0, Math.min(x1, other.x1) - Math.max(x0, other.x0));
        double h = Math.max(0, Math.min(y1, other.y1) - Math.max(y0, other.y0));
        double inter = w * h;
        return inter / (nmsArea() + other.nmsArea() - inter);
    }

    /** {x0, y0, x1 - x0, y1 - y0}: SAM's {@code box_xyxy_to_xywh} of this box (the SA-1B {@code bbox}). */
    public int[] toXywh() {
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
