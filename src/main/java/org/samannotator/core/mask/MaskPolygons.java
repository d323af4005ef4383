package org.samannotator.core.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mask to polygon conversion that keeps holes and separate parts. Polygons follow pixel edges in
 * pixel-corner coordinates (see {@link Polygon}), so with tolerance 0
 * {@code PolygonRasterizer.fillOutlines(size, outlines(mask, 0))} equals {@code mask} exactly.
 *
 * <p>COCO's polygon segmentation has no holes: pycocotools fills every polygon on its own and unites them.
 * {@link #toCocoPolygons} therefore joins each hole to its outer ring by a zero-width "keyhole" bridge (the
 * bridge is walked once in each direction, so it adds no area), which keeps the holes under that rule.
 */
public final class MaskPolygons {
    private MaskPolygons() {
    }

    /** Outlines of the 8-connected foreground components (diagonal neighbours are one part). */
    public static List<MaskOutline> outlines(BitMask mask, double tolerance) {
        return outlines(mask, Connectivity.EIGHT, tolerance);
    }

    /**
     * One outline per foreground component (components numbered in raster order of their first pixel),
     * each with the holes it encloses.
     *
     * @param foreground which pixels form one component: EIGHT joins diagonal neighbours into one ring
     *                   touching itself at the shared corner; FOUR gives separate rings
     * @param tolerance  Douglas-Peucker tolerance in pixels, &gt;= 0; 0 keeps every corner (only collinear
     *                   points are dropped). Rings are simplified independently, so with a tolerance a hole
     *                   can cross its outer ring; rings that collapse to no area are dropped (a collapsed
     *                   outer drops its holes too).
     */
    public static List<MaskOutline> outlines(BitMask mask, Connectivity foreground, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        }
        ConnectedComponents components = ConnectedComponents.find(mask, true, foreground);
        Polygon[] outers = new Polygon[components.count()];
        List<List<Polygon>> holes = new ArrayList<>();
        for (int c = 0; c < components.count(); c++) {
            holes.add(new ArrayList<>());
        }
        for (ContourTracer.Loop loop : ContourTracer.trace(mask, foreground)) {
            int component = components.componentAt(loop.pixelX(), loop.pixelY());
            Polygon ring = simplified(loop, tolerance);
            if (loop.twiceSignedArea() > 0) {
                if (outers[component] != null) {
                    throw new IllegalStateException("component " + component + " has two outer rings");
                }
                outers[component] = ring;
            } else if (ring != null) {
                holes.get(component).add(ring);
            }
        }
        List<MaskOutline> outlines = new ArrayList<>();
        for (int c = 0; c < outers.length; c++) {
            if (outers[c] != null) {
                outlines.add(new MaskOutline(outers[c], holes.get(c)));
            }
        }
        return outlines;
    }

    /**
     * Polygons for a COCO segmentation: one ring per 8-connected component, holes joined by keyhole bridges.
     * Filling each with even-odd and uniting (pycocotools' rule, {@link PolygonRasterizer#fillEachAndUnite})
     * gives back the mask exactly when {@code tolerance} is 0.
     */
    public static List<Polygon> toCocoPolygons(BitMask mask, double tolerance) {
        List<Polygon> polygons = new ArrayList<>();
        for (MaskOutline outline : outlines(mask, tolerance)) {
            polygons.add(keyholed(outline));
        }
        return polygons;
    }

    /**
     * A single ring with the same even-odd fill as the outline: each hole (taken by its topmost, then
     * leftmost vertex) is spliced into the ring at the nearest vertex of the ring built so far.
     */
    public static Polygon keyholed(MaskOutline outline) {
        List<double[]> ring = vertices(outline.outer());
        for (Polygon hole : outline.holes()) {
            List<double[]> holeVertices = vertices(hole);
            int start = topLeftVertex(holeVertices);
            double[] anchor = holeVertices.get(start);
            int at = nearestVertex(ring, anchor);
            List<double[]> splice = new ArrayList<>(holeVertices.size() + 2);
            for (int k = 0; k <= holeVertices.size(); k++) {
                splice.add(holeVertices.get((start + k) % holeVertices.size()));
            }
            splice.add(ring.get(at));
            ring.addAll(at + 1, splice);
        }
        return new Polygon(withoutRepeatedVertices(ring));
    }

    /**
     * Flat coordinates of the ring without consecutive equal vertices (also last == first), i.e. without
     * zero-length edges: they add nothing to a fill, and pycocotools' {@code rleFrPoly} divides by the edge
     * length.
     */
    private static double[] withoutRepeatedVertices(List<double[]> ring) {
        double[] flat = new double[ring.size() * 2];
        int n = 0;
        for (double[] v : ring) {
            if (n == 0 || flat[n - 2] != v[0] || flat[n - 1] != v[1]) {
                flat[n++] = v[0];
                flat[n++] = v[1];
            }
        }
        while (n > 2 && flat[n - 2] == flat[0] && flat[n - 1] == flat[1]) {
            n -= 2;
        }
        return Arrays.copyOf(flat, n);
    }

    private static Polygon simplified(ContourTracer.Loop loop, double tolerance) {
        double[] xy = new double[loop.xy().length];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = loop.xy()[i];
        }
        if (tolerance == 0) {
            return new Polygon(xy);
        }
        double[] simple = PolygonSimplifier.simplifyRing(xy, tolerance);
        if (simple == null) {
            return null;
        }
        double[] distinct = withoutRepeatedVertices(vertices(new Polygon(simple)));
        return distinct.length < 6 ? null : new Polygon(distinct);
    }

    private static List<double[]> vertices(Polygon polygon) {
        List<double[]> list = new ArrayList<>(polygon.vertexCount());
        for (int i = 0; i < polygon.vertexCount(); i++) {
            list.add(new double[] {polygon.x(i), polygon.y(i)});
        }
        return list;
    }

    private static int topLeftVertex(List<double[]> vertices) {
        int best = 0;
        for (int i = 1; i < vertices.size(); i++) {
            double[] v = vertices.get(i);
            double[] b = vertices.get(best);
            if (v[1] < b[1] || (v[1] == b[1] && v[0] < b[0])) {
                best = i;
            }
        }
        return best;
    }

    private static int nearestVertex(List<double[]> ring, double[] target) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ring.size(); i++) {
            double dx = ring.get(i)[0] - target[0];
            double dy = ring.get(i)[1] - target[1];
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
