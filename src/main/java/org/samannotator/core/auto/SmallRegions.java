package org.samannotator.core.auto;

import java.util.HashSet;
import java.util.Set;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.ConnectedComponents;
import org.samannotator.core.mask.Connectivity;

/**
 * segment-anything's {@code remove_small_regions} (8-connected, as its OpenCV call): in "holes" mode every
 * connected region of background pixels smaller than the threshold is filled (also one touching the image
 * border, as OpenCV labels it); in "islands" mode every foreground region smaller than the threshold is
 * removed, except that when all are small the largest (first on ties) is kept.
 */
public final class SmallRegions {
    /** Which regions to remove. */
    public enum Mode { HOLES, ISLANDS }

    /** The cleaned mask and whether anything changed (an unchanged mask is returned as is). */
    public record Result(BitMask mask, boolean changed) {
    }

    private SmallRegions() {
    }

    public static Result remove(BitMask mask, double areaThreshold, Mode mode) {
        boolean holes = mode == Mode.HOLES;
        ConnectedComponents regions = ConnectedComponents.find(mask, !holes, Connectivity.EIGHT);
        Set<Integer> small = new HashSet<>();
        for (int c = 0; c < regions.count(); c++) {
            if (regions.area(c) < areaThreshold) {
                small.add(c);
            }
        }
        if (small.isEmpty()) {
            return new Result(mask, false);
        }
        BitMask out = mask.copy();
        if (holes) {
            regions.paintWhere(small::contains, out, true);
        } else if (small.size() == regions.count()) {
            int largest = largest(regions);
            regions.paintWhere(c -> c != largest, out, false);
        } else {
            regions.paintWhere(small::contains, out, false);
        }
        return new Result(out, true);
    }

    private static int largest(ConnectedComponents regions) {
        int best = 0;
        for (int c = 1; c < regions.count(); c++) {
            if (regions.area(c) > regions.area(best)) {
                best = c;
            }
        }
        return best;
    }
}
