package org.samannotator.core.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * The outline of one connected foreground component: its outer ring and the rings of its holes, in
 * pixel-corner coordinates (see {@link Polygon}). Traced outers run clockwise on screen (positive
 * {@link Polygon#signedArea()}), holes counter-clockwise. A foreground component lying inside a hole is a
 * separate outline, not a child of this one.
 *
 * @param outer the outer boundary
 * @param holes boundaries of the background regions enclosed by this component
 */
public record MaskOutline(Polygon outer, List<Polygon> holes) {
    public MaskOutline {
        if (outer == null) {
            throw new IllegalArgumentException("outer ring is required");
        }
        holes = List.copyOf(holes);
    }

    /** Outer ring first, then the holes. */
    public List<Polygon> rings() {
        List<Polygon> rings = new ArrayList<>(holes.size() + 1);
        rings.add(outer);
        rings.addAll(holes);
        return rings;
    }
}
