package org.samannotator.core.eval;

import java.util.Optional;
import org.samannotator.core.mask.BitMask;

/**
 * The pixel of a region farthest from the region's boundary: (x, y) in pixel indices of the mask's frame
 * and its squared Euclidean distance to the nearest pixel outside the region, where the region is treated
 * as padded with one background pixel on every side (a pixel on the image border has squared distance 1).
 */
public record DeepestPixel(int x, int y, int squaredDistance) {

    /** Distance to the boundary in pixels. */
    public double distance() {
        return Math.sqrt(squaredDistance);
    }

    /**
     * Finds the deepest pixel of {@code region}, skipping pixels set in {@code excluded} (which still take
     * part in the distance transform, as RITM's "not clicked" map does). Ties go to the first pixel in
     * row-major order. Empty when no eligible pixel is left.
     *
     * @param excluded same size as {@code region}, or null for none
     */
    public static Optional<DeepestPixel> of(BitMask region, BitMask excluded) {
        if (excluded != null && !excluded.size().equals(region.size())) {
            throw new IllegalArgumentException("mask sizes differ: " + region.size() + " vs " + excluded.size());
        }
        int[] distances = SquaredDistanceTransform.computeWithBackgroundBorder(region);
        int best = -1;
        int bestDistance = 0;
        for (int i = 0; i < distances.length; i++) {
            if (distances[i] > bestDistance && (excluded == null || !excluded.getIndex(i))) {
                best = i;
                bestDistance = distances[i];
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new DeepestPixel(best % region.width(), best / region.width(), bestDistance));
    }
}
