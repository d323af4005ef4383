package org.samannotator.core.mask;

/**
 * Removal of small islands and filling of small holes, like segment-anything's
 * {@code remove_small_regions}. All methods return a new mask and leave their input unchanged.
 *
 * <p>Differences from segment-anything, on purpose: a hole is a background component that does not touch
 * the image border (segment-anything also fills small background regions at the border), and the
 * connectivity is a parameter (segment-anything uses 8 for both). {@link #removeSmallIslands(BitMask, long,
 * Connectivity, boolean)} can keep the largest island when all are small, as segment-anything does.
 */
public final class SmallRegionCleanup {
    private SmallRegionCleanup() {
    }

    /** Clears every foreground component with fewer than {@code minArea} pixels (even if that clears all). */
    public static BitMask removeSmallIslands(BitMask mask, long minArea, Connectivity connectivity) {
        return removeSmallIslands(mask, minArea, connectivity, false);
    }

    /**
     * Clears every foreground component with fewer than {@code minArea} pixels.
     *
     * @param keepLargestIfAllSmall when every component is small, keep the largest one (the first in raster
     *                              order on ties) instead of returning an empty mask
     */
    public static BitMask removeSmallIslands(BitMask mask, long minArea, Connectivity connectivity,
            boolean keepLargestIfAllSmall) {
        ConnectedComponents islands = ConnectedComponents.find(mask, true, connectivity);
        int keep = keepLargestIfAllSmall ? largestIfAllSmall(islands, minArea) : -1;
        BitMask result = mask.copy();
        islands.paintWhere(c -> c != keep && islands.area(c) < minArea, result, false);
        return result;
    }

    /**
     * Sets every background component that does not touch the image border and has fewer than
     * {@code minArea} pixels. {@code connectivity} is that of the background (FOUR is the usual dual of
     * 8-connected foreground).
     */
    public static BitMask fillSmallHoles(BitMask mask, long minArea, Connectivity connectivity) {
        ConnectedComponents holes = ConnectedComponents.find(mask, false, connectivity);
        BitMask result = mask.copy();
        holes.paintWhere(c -> !holes.touchesBorder(c) && holes.area(c) < minArea, result, true);
        return result;
    }

    /** Fills holes then removes islands; a threshold of 0 or less skips that step. */
    public static BitMask clean(BitMask mask, CleanupSettings settings) {
        BitMask result = mask;
        if (settings.holeAreaThreshold() > 0) {
            result = fillSmallHoles(result, settings.holeAreaThreshold(), settings.holeConnectivity());
        }
        if (settings.islandAreaThreshold() > 0) {
            result = removeSmallIslands(result, settings.islandAreaThreshold(), settings.islandConnectivity(),
                    settings.keepLargestIsland());
        }
        return result == mask ? mask.copy() : result;
    }

    private static int largestIfAllSmall(ConnectedComponents islands, long minArea) {
        int largest = -1;
        for (int c = 0; c < islands.count(); c++) {
            if (islands.area(c) >= minArea) {
                return -1;
            }
            if (largest < 0 || islands.area(c) > islands.area(largest)) {
                largest = c;
            }
        }
        return largest;
    }

    /**
     * Settings of {@link #clean}: components with area (pixels) strictly below a threshold are changed.
     *
     * @param islandAreaThreshold foreground components smaller than this are removed (0 = keep all)
     * @param islandConnectivity  adjacency defining foreground components
     * @param keepLargestIsland   keep the largest island when all are below the threshold
     * @param holeAreaThreshold   enclosed background components smaller than this are filled (0 = none)
     * @param holeConnectivity    adjacency defining background components
     */
    public record CleanupSettings(long islandAreaThreshold, Connectivity islandConnectivity,
            boolean keepLargestIsland, long holeAreaThreshold, Connectivity holeConnectivity) {
        /** 8-connected islands (largest kept), 4-connected holes, both with the same threshold. */
        public static CleanupSettings withThreshold(long minArea) {
            return new CleanupSettings(minArea, Connectivity.EIGHT, true, minArea, Connectivity.FOUR);
        }
    }
}
