package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;

/**
 * For the adaptive mode: which grid points (crop pixels) lie inside a mask kept so far. Costs one pixel
 * look-up per point and kept mask, and no image-sized memory.
 */
final class Coverage {
    private final ImagePoint[] points;
    private final boolean[] covered;

    Coverage(ImagePoint[] points) {
        this.points = points;
        this.covered = new boolean[points.length];
    }

    /** Marks the points inside {@code cropMask} (crop frame). */
    void add(BitMask cropMask) {
        for (int i = 0; i < points.length; i++) {
            if (!covered[i]) {
                int x = Math.min(cropMask.width() - 1, (int) Math.floor(points[i].x()));
                int y = Math.min(cropMask.height() - 1, (int) Math.floor(points[i].y()));
                covered[i] = cropMask.get(x, y);
            }
        }
    }

    boolean isCovered(int index) {
        return covered[index];
    }

    /** The indices of {@code batch} not covered yet, in order. */
    List<Integer> uncovered(List<Integer> batch) {
        List<Integer> out = new ArrayList<>();
        for (int i : batch) {
            if (!covered[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
