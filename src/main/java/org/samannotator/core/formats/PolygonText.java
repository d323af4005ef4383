package org.samannotator.core.formats;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskOutline;
import org.samannotator.core.mask.MaskPolygons;
import org.samannotator.core.mask.Polygon;

/** Mask to polygon conversions used by the polygon formats (pixel-corner coordinates, see {@link Polygon}). */
final class PolygonText {
    /** Coordinates this close to an integer are taken as that integer (undoes the rounding of 6 decimals). */
    private static final double SNAP = 1e-3;

    private PolygonText() {
    }

    /**
     * The whole mask as one ring: each 8-connected part keyholed (holes joined by zero-width bridges), then
     * the parts joined the same way. Its even-odd fill is the mask (exactly for tolerance 0): a bridge is
     * walked once in each direction, so it adds and removes nothing. Null for an empty mask.
     */
    static Polygon singleRing(BitMask mask, double tolerance) {
        List<Polygon> parts = new ArrayList<>();
        for (MaskOutline outline : MaskPolygons.outlines(mask, tolerance)) {
            parts.add(MaskPolygons.keyholed(outline));
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // keyholed() splices any list of rings into the first one; the parts are disjoint, so under the
        // even-odd rule they keep their own fill exactly as holes do.
        return MaskPolygons.keyholed(new MaskOutline(parts.get(0), parts.subList(1, parts.size())));
    }

    /** The outer rings of the 8-connected parts, holes dropped (filled). */
    static List<Polygon> outerRings(BitMask mask, double tolerance) {
        return MaskPolygons.outlines(mask, tolerance).stream().map(MaskOutline::outer).toList();
    }

    /** {@code v}, or the nearest integer when within 0.001 of it. */
    static double snapped(double v) {
        double rounded = Math.rint(v);
        return Math.abs(v - rounded) < SNAP ? rounded : v;
    }
}
