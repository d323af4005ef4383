package org.samannotator.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamTransformTest {
    @Test
    void resizedSizeRoundsHalfUpLikeSegmentAnything() {
        assertEquals(new Size(1024, 768), SamTransform.forImage(new Size(640, 480)).resized());
        assertEquals(new Size(683, 1024), SamTransform.forImage(new Size(321, 481)).resized()); // 682.53 -> 683
        assertEquals(new Size(1024, 683), SamTransform.forImage(new Size(481, 321)).resized());
        assertEquals(new Size(1024, 1), SamTransform.forImage(new Size(5000, 1)).resized());
    }

    @Test
    void coordinatesMapBothWays() {
        SamTransform t = SamTransform.forImage(new Size(481, 321));
        ImagePoint p = new ImagePoint(240.5, 100);
        ImagePoint model = t.toModel(p);
        assertEquals(240.5 * 1024 / 481, model.x(), 1e-9);
        assertEquals(100 * 683.0 / 321, model.y(), 1e-9);
        ImagePoint back = t.toOriginal(model);
        assertEquals(p.x(), back.x(), 1e-9);
        assertEquals(p.y(), back.y(), 1e-9);
    }

    @Test
    void sizeRejectsNonPositive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Size(0, 5));
    }
}
