package org.samannotator.core.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.samannotator.core.geometry.Size;

/**
 * Fills polygons (pixel-corner coordinates, see {@link Polygon}) into a {@link BitMask} by sampling pixel
 * centres: pixel (x, y) is inside when the point (x + 0.5, y + 0.5) is. A centre lying exactly on a
 * vertical edge counts as inside when that edge is the left end of a span (half-open [left, right)).
 * Parts of polygons outside the mask are clipped.
 */
public final class PolygonRasterizer {
    private PolygonRasterizer() {
    }

    /** Even-odd fill of all rings together: a pixel covered by an odd number of rings is set (holes cut out). */
    public static BitMask fillEvenOdd(Size size, Collection<Polygon> rings) {
        BitMask mask = new BitMask(size);
        paintEvenOdd(mask, rings);
        return mask;
    }

    /** Even-odd fill of the outer and hole rings of all outlines: inverse of {@link MaskPolygons#outlines}. */
    public static BitMask fillOutlines(Size size, Collection<MaskOutline> outlines) {
        List<Polygon> rings = new ArrayList<>();
        for (MaskOutline outline : outlines) {
            rings.addAll(outline.rings());
        }
        return fillEvenOdd(size, rings);
    }

    /**
     * COCO / pycocotools semantics for a polygon segmentation: each polygon is filled on its own (even-odd
     * within that polygon) and the results are united. Keyholed polygons from
     * {@link MaskPolygons#toCocoPolygons} therefore keep their holes.
     */
    public static BitMask fillEachAndUnite(Size size, Collection<Polygon> polygons) {
        BitMask mask = new BitMask(size);
        for (Polygon polygon : polygons) {
            paintEvenOdd(mask, List.of(polygon));
        }
        return mask;
    }

    /** Sets (never clears) the pixels inside the even-odd fill of {@code rings}. */
    public static void paintEvenOdd(BitMask target, Collection<Polygon> rings) {
        RowCrossings crossings = new RowCrossings(target.height());
        for (Polygon ring : rings) {
            addEdges(ring, crossings);
        }
        for (int row = 0; row < target.height(); row++) {
            double[] xs = crossings.sortedRow(row);
            for (int k = 0; k + 1 < xs.length; k += 2) {
                target.setRun(row, firstCentreAtOrAfter(xs[k], target.width()),
                        firstCentreAtOrAfter(xs[k + 1], target.width()), true);
            }
        }
    }

    /** Smallest pixel x whose centre x + 0.5 is >= v, clamped to [-1, width + 1]. */
    private static int firstCentreAtOrAfter(double v, int width) {
        double x = Math.ceil(v - 0.5);
        return (int) Math.max(-1, Math.min(width + 1, x));
    }

    private static void addEdges(Polygon ring, RowCrossings crossings) {
        int n = ring.vertexCount();
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double x0 = ring.x(i), y0 = ring.y(i), x1 = ring.x(j), y1 = ring.y(j);
            if (y0 == y1) {
                continue;
            }
            double yMin = Math.min(y0, y1);
            double yMax = Math.max(y0, y1);
            // Rows whose centre row + 0.5 lies in [yMin, yMax).
            int firstRow = (int) Math.max(0, Math.ceil(yMin - 0.5));
            int endRow = (int) Math.min(crossings.rows(), Math.ceil(yMax - 0.5));
            double slope = (x1 - x0) / (y1 - y0);
            for (int row = firstRow; row < endRow; row++) {
                crossings.add(row, x0 + (row + 0.5 - y0) * slope);
            }
        }
    }

    /** x positions where ring edges cross each row's centre line. */
    private static final class RowCrossings {
        private final double[][] xs;
        private final int[] counts;

        RowCrossings(int rows) {
            xs = new double[rows][];
            counts = new int[rows];
        }

        int rows() {
            return xs.length;
        }

        void add(int row, double x) {
            if (xs[row] == null) {
                xs[row] = new double[4];
            } else if (counts[row] == xs[row].length) {
                xs[row] = Arrays.copyOf(xs[row], counts[row] * 2);
            }
            xs[row][counts[row]++] = x;
        }

        double[] sortedRow(int row) {
            if (xs[row] == null) {
                return new double[0];
            }
            double[] sorted = Arrays.copyOf(xs[row], counts[row]);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
