package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samannotator.core.mask.RleTest.maskOf;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class MaskPolygonsTest {

    private static Polygon poly(double... xy) {
        return new Polygon(xy);
    }

    @Test
    void singlePixelIsItsUnitSquare() {
        BitMask mask = new BitMask(new Size(5, 5));
        mask.set(2, 3);
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 0);
        assertEquals(List.of(new MaskOutline(poly(2, 3, 3, 3, 3, 4, 2, 4), List.of())), outlines);
        assertEquals(1.0, outlines.get(0).outer().signedArea());
        assertEquals(mask, PolygonRasterizer.fillOutlines(mask.size(), outlines));
    }

    @Test
    void squareWithHoleKeepsHole() {
        BitMask mask = maskOf(
                "00000",
                "01110",
                "01010",
                "01110",
                "00000");
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 0);
        // Outer clockwise on screen from its top-left corner; the hole counter-clockwise, starting where the
        // scan first met it (the top edge of hole pixel (2, 2), walked westwards from corner (3, 2)).
        assertEquals(List.of(new MaskOutline(poly(1, 1, 4, 1, 4, 4, 1, 4), List.of(poly(3, 2, 2, 2, 2, 3, 3, 3)))),
                outlines);
        assertEquals(9.0, outlines.get(0).outer().signedArea());
        assertEquals(-1.0, outlines.get(0).holes().get(0).signedArea());
        assertEquals(mask, PolygonRasterizer.fillOutlines(mask.size(), outlines));
        // Filling the rings one by one and uniting (COCO's rule) would lose the hole ...
        assertEquals(9, PolygonRasterizer.fillEachAndUnite(mask.size(), outlines.get(0).rings()).area());
        // ... but the keyholed ring keeps it: the hole's top-left vertex (2, 2) is bridged to the nearest outer
        // vertex (1, 1); the hole is walked from (2, 2) all the way round and the bridge walked back.
        Polygon keyholed = MaskPolygons.keyholed(outlines.get(0));
        assertEquals(poly(1, 1, 2, 2, 2, 3, 3, 3, 3, 2, 2, 2, 1, 1, 4, 1, 4, 4, 1, 4), keyholed);
        assertEquals(mask, PolygonRasterizer.fillEachAndUnite(mask.size(), List.of(keyholed)));
    }

    @Test
    void diagonalTouchingPixelsDependOnConnectivity() {
        BitMask mask = maskOf(
                "10",
                "01");
        // EIGHT: one ring through the shared corner (1, 1) twice.
        assertEquals(List.of(new MaskOutline(poly(0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 1, 1, 0, 1), List.of())),
                MaskPolygons.outlines(mask, Connectivity.EIGHT, 0));
        // FOUR: two unit squares.
        assertEquals(List.of(new MaskOutline(poly(0, 0, 1, 0, 1, 1, 0, 1), List.of()),
                        new MaskOutline(poly(1, 1, 2, 1, 2, 2, 1, 2), List.of())),
                MaskPolygons.outlines(mask, Connectivity.FOUR, 0));
        for (Connectivity c : Connectivity.values()) {
            assertEquals(mask, PolygonRasterizer.fillOutlines(mask.size(), MaskPolygons.outlines(mask, c, 0)));
        }
    }

    @Test
    void diagonalHolesStaySeparateHoles() {
        // Two hole pixels touching diagonally inside an 8-connected component: the holes are 4-connected
        // background regions, so there are two of them.
        BitMask mask = maskOf(
                "1111",
                "1011",
                "1101",
                "1111");
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 0);
        assertEquals(1, outlines.size());
        assertEquals(2, outlines.get(0).holes().size());
        assertEquals(mask, PolygonRasterizer.fillOutlines(mask.size(), outlines));
        assertEquals(mask, PolygonRasterizer.fillEachAndUnite(mask.size(), MaskPolygons.toCocoPolygons(mask, 0)));
    }

    @Test
    void keyholesHaveNoZeroLengthEdges() {
        // The hole pixel (2, 2) touches the outside background (3, 3) at corner (3, 3) only diagonally, so
        // the hole's ring and the outer ring share that corner: the bridge between them has length 0.
        BitMask mask = maskOf(
                "1111",
                "1111",
                "1101",
                "1110");
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 0);
        assertEquals(1, outlines.get(0).holes().size());
        Polygon keyholed = MaskPolygons.keyholed(outlines.get(0));
        for (int i = 0; i < keyholed.vertexCount(); i++) {
            int j = (i + 1) % keyholed.vertexCount();
            assertTrue(keyholed.x(i) != keyholed.x(j) || keyholed.y(i) != keyholed.y(j), "repeated vertex " + i);
        }
        assertEquals(mask, PolygonRasterizer.fillEachAndUnite(mask.size(), List.of(keyholed)));
    }

    @Test
    void islandInsideHoleIsItsOwnOutline() {
        BitMask mask = maskOf(
                "1111111",
                "1000001",
                "1001001",
                "1000001",
                "1111111",
                "0000000",
                "0000011");
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 0);
        assertEquals(3, outlines.size());
        assertEquals(1, outlines.get(0).holes().size());
        assertEquals(poly(3, 2, 4, 2, 4, 3, 3, 3), outlines.get(1).outer());
        assertEquals(List.of(), outlines.get(1).holes());
        assertEquals(poly(5, 6, 7, 6, 7, 7, 5, 7), outlines.get(2).outer());
        assertEquals(mask, PolygonRasterizer.fillOutlines(mask.size(), outlines));
        assertEquals(mask, PolygonRasterizer.fillEachAndUnite(mask.size(), MaskPolygons.toCocoPolygons(mask, 0)));
    }

    @Test
    void emptyAndFullMasks() {
        Size size = new Size(6, 4);
        assertEquals(List.of(), MaskPolygons.outlines(new BitMask(size), 0));
        BitMask full = BitMask.fromPredicate(size, (x, y) -> true);
        assertEquals(List.of(new MaskOutline(poly(0, 0, 6, 0, 6, 4, 0, 4), List.of())), MaskPolygons.outlines(full, 0));
    }

    @Test
    void randomMasksRoundTripExactly() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            Size size = new Size(1 + random.nextInt(30), 1 + random.nextInt(30));
            double density = random.nextDouble();
            BitMask mask = BitMask.fromPredicate(size, (x, y) -> random.nextDouble() < density);
            for (Connectivity c : Connectivity.values()) {
                List<MaskOutline> outlines = MaskPolygons.outlines(mask, c, 0);
                assertEquals(ConnectedComponents.find(mask, true, c).count(), outlines.size());
                double area = 0;
                for (MaskOutline outline : outlines) {
                    assertTrue(outline.outer().signedArea() > 0);
                    area += outline.outer().signedArea();
                    for (Polygon hole : outline.holes()) {
                        assertTrue(hole.signedArea() < 0);
                        area += hole.signedArea();
                    }
                }
                assertEquals(mask.area(), (long) area, "trial " + trial);
                assertEquals(mask, PolygonRasterizer.fillOutlines(size, outlines), "trial " + trial + " " + c);
            }
            assertEquals(mask, PolygonRasterizer.fillEachAndUnite(size, MaskPolygons.toCocoPolygons(mask, 0)),
                    "trial " + trial + " keyholed");
        }
    }

    @Test
    void toleranceSimplifiesButStaysClose() {
        Size size = new Size(64, 64);
        BitMask disc = BitMask.fromPredicate(size, (x, y) -> Math.hypot(x + 0.5 - 32, y + 0.5 - 32) <= 20);
        Polygon exact = MaskPolygons.outlines(disc, 0).get(0).outer();
        Polygon simple = MaskPolygons.outlines(disc, 1.0).get(0).outer();
        assertTrue(simple.vertexCount() < exact.vertexCount() / 2,
                simple.vertexCount() + " vs " + exact.vertexCount());
        BitMask back = PolygonRasterizer.fillEvenOdd(size, List.of(simple));
        assertTrue(back.iou(disc) > 0.97, "iou " + back.iou(disc));
    }

    @Test
    void toleranceNeverLeavesLessThanATriangle() {
        BitMask mask = new BitMask(new Size(4, 4));
        mask.set(1, 1);
        List<MaskOutline> outlines = MaskPolygons.outlines(mask, 5.0);
        assertEquals(1, outlines.size());
        assertEquals(3, outlines.get(0).outer().vertexCount());
    }

    @Test
    void rejectsNegativeTolerance() {
        BitMask mask = new BitMask(new Size(2, 2));
        assertThrows(IllegalArgumentException.class, () -> MaskPolygons.outlines(mask, -1));
        assertThrows(IllegalArgumentException.class, () -> MaskPolygons.outlines(mask, Double.NaN));
    }
}
