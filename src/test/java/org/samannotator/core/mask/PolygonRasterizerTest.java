package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.samannotator.core.mask.RleTest.maskOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class PolygonRasterizerTest {

    @Test
    void samplesPixelCentres() {
        // Triangle (0,0) (4,0) (0,4): pixel (x, y) is inside when x + 0.5 + y + 0.5 < 4 (hypotenuse
        // x + y = 4; centres exactly on it are the right end of a span, so outside).
        BitMask mask = PolygonRasterizer.fillEvenOdd(new Size(4, 4), List.of(new Polygon(new double[] {0, 0, 4, 0, 0, 4})));
        assertEquals(maskOf(
                "1110",
                "1100",
                "1000",
                "0000"), mask);
    }

    @Test
    void evenOddCutsOverlapsButUnionKeepsThem() {
        Polygon a = new Polygon(new double[] {0, 0, 3, 0, 3, 1, 0, 1});
        Polygon b = new Polygon(new double[] {2, 0, 5, 0, 5, 1, 2, 1});
        Size size = new Size(5, 1);
        assertEquals(maskOf("11011"), PolygonRasterizer.fillEvenOdd(size, List.of(a, b)));
        assertEquals(maskOf("11111"), PolygonRasterizer.fillEachAndUnite(size, List.of(a, b)));
    }

    @Test
    void clipsToTheMask() {
        Polygon big = new Polygon(new double[] {-10, -10, 20, -10, 20, 20, -10, 20});
        Size size = new Size(3, 2);
        assertEquals(BitMask.fromPredicate(size, (x, y) -> true), PolygonRasterizer.fillEvenOdd(size, List.of(big)));
        Polygon outside = new Polygon(new double[] {10, 10, 12, 10, 12, 12});
        assertEquals(new BitMask(size), PolygonRasterizer.fillEvenOdd(size, List.of(outside)));
    }

    @Test
    void degeneratePolygonsFillNothing() {
        Size size = new Size(3, 3);
        assertEquals(new BitMask(size), PolygonRasterizer.fillEachAndUnite(size,
                List.of(new Polygon(new double[] {0, 0, 3, 3}), new Polygon(new double[0]))));
    }

    @Test
    void polygonRejectsOddOrNonFiniteCoordinates() {
        assertThrows(IllegalArgumentException.class, () -> new Polygon(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new Polygon(new double[] {1, Double.NaN}));
    }
}
