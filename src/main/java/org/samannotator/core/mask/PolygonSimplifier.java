package org.samannotator.core.mask;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Douglas-Peucker simplification of closed rings: a vertex is dropped when its distance to the segment
 * joining the kept vertices around it is at most {@code tolerance} pixels. The ring is split at vertex 0
 * and the vertex farthest from it, and each half is simplified. A tolerance of 0 drops only vertices lying
 * exactly on the segment (collinear).
 */
final class PolygonSimplifier {
    private PolygonSimplifier() {
    }

    /**
     * Simplified copy of the ring {@code xy} (flat x,y pairs), or {@code null} when the result encloses no
     * area (fewer than 3 non-collinear vertices). Never returns fewer than 3 vertices: if the tolerance
     * would collapse the ring, the vertex farthest from the splitting chord is kept as a third one.
     */
    static double[] simplifyRing(double[] xy, double tolerance) {
        int n = xy.length / 2;
        if (n < 3) {
            return null;
        }
        int far = farthestFrom(xy, 0);
        if (squaredDistance(xy, 0, far) == 0) {
            return null;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[far] = true;
        markKept(xy, 0, far, tolerance, keep);
        markKept(xy, far, n, tolerance, keep);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        if (kept < 3) {
            int third = farthestFromChord(xy, far);
            if (third < 0) {
                return null;
            }
            keep[third] = true;
            kept++;
        }
        double[] out = new double[kept * 2];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[o++] = xy[2 * i];
                out[o++] = xy[2 * i + 1];
            }
        }
        return out;
    }

    /** Douglas-Peucker over the vertices strictly between a and b (b may equal n, meaning vertex 0). */
    private static void markKept(double[] xy, int a, int b, double tolerance, boolean[] keep) {
        int n = xy.length / 2;
        Deque<int[]> spans = new ArrayDeque<>();
        spans.push(new int[] {a, b});
        while (!spans.isEmpty()) {
            int[] span = spans.pop();
            int best = -1;
            double bestDistance = -1;
            for (int i = span[0] + 1; i < span[1]; i++) {
                double d = segmentDistance(xy, i, span[0] % n, span[1] % n);
                if (d > bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (best >= 0 && bestDistance > tolerance) {
                keep[best] = true;
                spans.push(new int[] {span[0], best});
                spans.push(new int[] {best, span[1]});
            }
        }
    }

    private static int farthestFrom(double[] xy, int anchor) {
        int best = anchor;
        double bestDistance = -1;
        for (int i = 0; i < xy.length / 2; i++) {
            double d = squaredDistance(xy, anchor, i);
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static int farthestFromChord(double[] xy, int far) {
        int best = -1;
        double bestDistance = 0;
        for (int i = 1; i < xy.length / 2; i++) {
            double d = i == far ? 0 : segmentDistance(xy, i, 0, far);
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] xy, int i, int j) {
        double dx = xy[2 * i] - xy[2 * j];
        double dy = xy[2 * i + 1] - xy[2 * j + 1];
        return dx * dx + dy * dy;
    }

    /** Distance from vertex p to the segment between vertices a and b. */
    static double segmentDistance(double[] xy, int p, int a, int b) {
        return SegmentGeometry.distance(xy[2 * p], xy[2 * p + 1], xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]);
    }
}
