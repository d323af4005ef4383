package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.samannotator.core.mask.RleTest.maskOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;

class BrushStrokeTest {
    private static final Size SIZE_5 = new Size(5, 5);

    @Test
    void dabOfRadiusOneIsAPlus() {
        // Centre of pixel (2, 2) is (2.5, 2.5); its 4 neighbours' centres are exactly 1 away (covered, <=),
        // diagonal ones sqrt(2) away.
        BitMask mask = new BitMask(SIZE_5);
        Optional<PixelRect> changed = BrushStroke.dab(new ImagePoint(2.5, 2.5), 1, StrokeMode.BRUSH).applyTo(mask);
        assertEquals(maskOf(
                "00000",
                "00100",
                "01110",
                "00100",
                "00000"), mask);
        assertEquals(Optional.of(new PixelRect(1, 1, 3, 3)), changed);
    }

    @Test
    void smallAndZeroRadii() {
        BitMask centre = new BitMask(SIZE_5);
        centre.set(2, 2);
        assertEquals(centre, BrushStroke.dab(new ImagePoint(2.5, 2.5), 0.5, StrokeMode.BRUSH).footprint(SIZE_5));
        assertEquals(centre, BrushStroke.dab(new ImagePoint(2.5, 2.5), 0, StrokeMode.BRUSH).footprint(SIZE_5));
        // A corner point is sqrt(0.5) ~ 0.707 from the four surrounding centres.
        assertEquals(0, BrushStroke.dab(new ImagePoint(2, 2), 0.7, StrokeMode.BRUSH).footprint(SIZE_5).area());
        assertEquals(4, BrushStroke.dab(new ImagePoint(2, 2), 0.71, StrokeMode.BRUSH).footprint(SIZE_5).area());
    }

    @Test
    void segmentIsACapsule() {
        // Segment along the centre line of row 2 from pixel 1 to pixel 5, radius 1: rows 1 and 3 are exactly
        // 1 away over x = 1..5; pixels (0, 2) and (6, 2) are 1 away from the end points.
        BrushStroke stroke = new BrushStroke(List.of(new ImagePoint(1.5, 2.5), new ImagePoint(5.5, 2.5)), 1,
                StrokeMode.BRUSH);
        assertEquals(maskOf(
                "00000000",
                "01111100",
                "11111110",
                "01111100",
                "00000000"), stroke.footprint(new Size(8, 5)));
    }

    @Test
    void eraserClearsTheFootprint() {
        Size size = new Size(12, 9);
        BitMask full = BitMask.fromPredicate(size, (x, y) -> true);
        BrushStroke eraser = new BrushStroke(List.of(new ImagePoint(2, 2), new ImagePoint(9, 6), new ImagePoint(3, 8)),
                1.5, StrokeMode.ERASER);
        BitMask erased = eraser.appliedTo(full);
        BitMask expected = full.copy();
        expected.andNot(eraser.footprint(size));
        assertEquals(expected, erased);
        assertEquals(size.area(), full.area(), "appliedTo must not modify its argument");
    }

    @Test
    void matchesBruteForceOnRandomStrokes() {
        Random random = new Random(3);
        Size size = new Size(40, 30);
        for (int trial = 0; trial < 100; trial++) {
            List<ImagePoint> path = new ArrayList<>();
            int points = 1 + random.nextInt(5);
            for (int i = 0; i < points; i++) {
                path.add(new ImagePoint(random.nextDouble() * 50 - 5, random.nextDouble() * 40 - 5));
            }
            double radius = random.nextDouble() * 6;
            BitMask start = BitMask.fromPredicate(size, (x, y) -> random.nextBoolean());
            for (StrokeMode mode : StrokeMode.values()) {
                BitMask actual = start.copy();
                new BrushStroke(path, radius, mode).applyTo(actual);
                BitMask expected = BitMask.fromPredicate(size, (x, y) ->
                        withinRadius(path, radius, x + 0.5, y + 0.5) ? mode == StrokeMode.BRUSH : start.get(x, y));
                assertEquals(expected, actual, "trial " + trial + " " + mode);
            }
        }
    }

    /** Reference distance: dense sampling is not exact, so use the closed-form projection per segment. */
    private static boolean withinRadius(List<ImagePoint> path, double radius, double px, double py) {
        ImagePoint p = new ImagePoint(px, py);
        if (path.size() == 1) {
            return p.distanceTo(path.get(0)) <= radius;
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            ImagePoint a = path.get(i);
            ImagePoint b = path.get(i + 1);
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double t = ((px - a.x()) * dx + (py - a.y()) * dy) / (dx * dx + dy * dy);
            t = Math.max(0, Math.min(1, t));
            if (p.distanceTo(new ImagePoint(a.x() + t * dx, a.y() + t * dy)) <= radius) {
                return true;
            }
        }
        return false;
    }

    @Test
    void strokeOutsideTheMaskChangesNothing() {
        BitMask mask = maskOf("101", "010");
        BitMask before = mask.copy();
        Optional<PixelRect> changed = new BrushStroke(List.of(new ImagePoint(10, 10), new ImagePoint(20, 10)), 2,
                StrokeMode.BRUSH).applyTo(mask);
        assertEquals(Optional.empty(), changed);
        assertEquals(before, mask);
    }

    @Test
    void boundsAreClipped() {
        BrushStroke stroke = BrushStroke.dab(new ImagePoint(0, 0), 3, StrokeMode.BRUSH);
        assertEquals(Optional.of(new PixelRect(0, 0, 3, 3)), stroke.bounds(SIZE_5));
    }

    @Test
    void extendedToAddsAPoint() {
        BrushStroke dab = BrushStroke.dab(new ImagePoint(0.5, 0.5), 0, StrokeMode.BRUSH);
        BrushStroke line = dab.extendedTo(new ImagePoint(4.5, 0.5));
        assertEquals(1, dab.path().size());
        assertEquals(maskOf("11111", "00000", "00000", "00000", "00000"), line.footprint(SIZE_5));
        assertEquals(true, line.covers(3, 0));
        assertEquals(false, line.covers(3, 1));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new BrushStroke(List.of(), 1, StrokeMode.BRUSH));
        assertThrows(IllegalArgumentException.class, () -> BrushStroke.dab(new ImagePoint(1, 1), -1, StrokeMode.BRUSH));
        assertThrows(IllegalArgumentException.class,
                () -> BrushStroke.dab(new ImagePoint(1, 1), Double.NaN, StrokeMode.BRUSH));
        assertThrows(IllegalArgumentException.class,
                () -> BrushStroke.dab(new ImagePoint(Double.NaN, 1), 1, StrokeMode.BRUSH));
        assertThrows(IllegalArgumentException.class, () -> BrushStroke.dab(new ImagePoint(1, 1), 1, null));
    }
}
