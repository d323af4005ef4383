package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

class ClickSimulatorTest {
    private static final Size SIZE = new Size(20, 12);

    private static GroundTruth truthOf(BitMask object) {
        return new GroundTruth(object, new BitMask(object.size()));
    }

    private static BitMask rect(Size size, int x0, int y0, int x1, int y1) {
        return BitMask.fromPredicate(size, (x, y) -> x >= x0 && x <= x1 && y >= y0 && y <= y1);
    }

    @Test
    void firstClickIsPositiveAtTheDeepestObjectPixelFirstInRowMajorOrder() {
        // object x 2..10, y 3..7: row y=5 is 3 px from the top/bottom background; x 4..8 tie at distance 3
        ClickSimulator simulator = new ClickSimulator(truthOf(rect(SIZE, 2, 3, 10, 7)));
        SimulatedClick click = simulator.firstClick().orElseThrow();
        assertEquals(new SimulatedClick(4, 5, true, 3.0), click);
    }

    @Test
    void imageBorderCountsAsBoundary() {
        // object spans the full height and columns 0..5 of a 12x5 image: without the padding the deepest
        // pixel would be at x=0; with it, (2,2) and (3,2) are 3 px from the boundary and (2,2) comes first
        Size size = new Size(12, 5);
        ClickSimulator simulator = new ClickSimulator(truthOf(rect(size, 0, 0, 5, 4)));
        SimulatedClick click = simulator.firstClick().orElseThrow();
        assertEquals(2, click.x());
        assertEquals(2, click.y());
        assertEquals(3.0, click.distanceToBoundary(), 1e-12);
    }

    @Test
    void errorWithLargerDistanceWinsNotLargerArea() {
        BitMask object = rect(SIZE, 2, 2, 8, 8);
        // prediction misses a 5x5 block (x 4..8, y 4..8: deepest is 3 px inside) and adds a long 1-px-wide strip
        BitMask prediction = object.copy();
        prediction.andNot(rect(SIZE, 4, 4, 8, 8));
        prediction.or(rect(SIZE, 0, 11, 19, 11));
        prediction.or(rect(SIZE, 11, 0, 11, 10));
        ClickSimulator simulator = new ClickSimulator(truthOf(object));
        SimulatedClick click = simulator.nextClick(prediction).orElseThrow();
        assertTrue(click.positive());
        assertEquals(6, click.x());
        assertEquals(6, click.y());
    }

    @Test
    void thickFalsePositiveGivesNegativeClick() {
        BitMask object = rect(SIZE, 1, 1, 3, 3);
        BitMask prediction = rect(SIZE, 1, 1, 2, 3); // misses the column x=3 (depth 1)
        prediction.or(rect(SIZE, 10, 2, 16, 8));      // 7x7 false positive block, centre (13,5) depth 4
        SimulatedClick click = new ClickSimulator(truthOf(object)).nextClick(prediction).orElseThrow();
        assertFalse(click.positive());
        assertEquals(13, click.x());
        assertEquals(5, click.y());
        assertEquals(4.0, click.distanceToBoundary(), 1e-12);
    }

    @Test
    void equalDepthsGiveNegativeClickAsRitm() {
        BitMask object = rect(SIZE, 1, 1, 3, 3);
        BitMask prediction = rect(SIZE, 1, 1, 3, 2);  // misses row y=3 (depth 1)
        prediction.set(15, 9);                        // one false positive pixel (depth 1)
        SimulatedClick click = new ClickSimulator(truthOf(object)).nextClick(prediction).orElseThrow();
        assertFalse(click.positive());
        assertEquals(15, click.x());
        assertEquals(9, click.y());
    }

    @Test
    void ignoredPixelsNeverAttractClicks() {
        BitMask object = rect(SIZE, 2, 2, 8, 8);
        BitMask ignore = rect(SIZE, 12, 2, 18, 8); // a large ignored block the prediction covers
        BitMask prediction = object.copy();
        prediction.or(ignore);
        ClickSimulator simulator = new ClickSimulator(new GroundTruth(object, ignore));
        assertEquals(Optional.empty(), simulator.nextClick(prediction));
        assertTrue(simulator.clicks().isEmpty());
    }

    @Test
    void samePixelIsNeverClickedTwice() {
        BitMask object = rect(SIZE, 2, 3, 10, 7);
        ClickSimulator simulator = new ClickSimulator(truthOf(object));
        SimulatedClick first = simulator.firstClick().orElseThrow();
        SimulatedClick second = simulator.nextClick(new BitMask(SIZE)).orElseThrow();
        assertEquals(new SimulatedClick(4, 5, true, 3.0), first);
        assertEquals(new SimulatedClick(5, 5, true, 3.0), second);
        assertEquals(2, simulator.clicks().size());
    }

    @Test
    void rejectsPredictionOfOtherSize() {
        ClickSimulator simulator = new ClickSimulator(truthOf(rect(SIZE, 2, 3, 10, 7)));
        assertThrows(IllegalArgumentException.class, () -> simulator.nextClick(new BitMask(new Size(3, 3))));
    }

    @Test
    void deepestPixelOfEmptyRegionIsEmpty() {
        assertEquals(Optional.empty(), DeepestPixel.of(new BitMask(SIZE), null));
    }
}
