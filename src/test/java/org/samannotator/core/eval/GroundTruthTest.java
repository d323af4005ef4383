package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

class GroundTruthTest {
    private static final Size SIZE = new Size(4, 1);

    @Test
    void grayLevelsMapToObjectIgnoreAndBackground() {
        GroundTruth truth = GroundTruth.fromGrayLevels(SIZE, new int[] {0, 127, 128, 129});
        assertEquals(BitMask.fromPredicate(SIZE, (x, y) -> x == 3), truth.object());
        assertEquals(BitMask.fromPredicate(SIZE, (x, y) -> x == 2), truth.ignore());
    }

    @Test
    void iouLeavesIgnoredPixelsOut() {
        // levels: bg, ignore, object, object
        GroundTruth truth = GroundTruth.fromGrayLevels(SIZE, new int[] {0, 128, 255, 255});
        BitMask coversIgnoreAndObject = BitMask.fromPredicate(SIZE, (x, y) -> x >= 1);
        assertEquals(1.0, truth.iou(coversIgnoreAndObject), 1e-12);
        BitMask plain = BitMask.fromPredicate(SIZE, (x, y) -> x >= 1);
        assertEquals(2.0 / 3.0, plain.iou(truth.object()), 1e-12, "without ignore the extra pixel would count");
        BitMask withBackground = BitMask.fromPredicate(SIZE, (x, y) -> x != 3);
        assertEquals(1.0 / 3.0, truth.iou(withBackground), 1e-12);
    }

    @Test
    void emptyPredictionOfEmptyObjectIsPerfect() {
        GroundTruth truth = GroundTruth.fromGrayLevels(SIZE, new int[] {0, 128, 0, 0});
        assertEquals(1.0, truth.iou(new BitMask(SIZE)), 1e-12);
        assertEquals(1.0, truth.iou(BitMask.fromPredicate(SIZE, (x, y) -> x == 1)), 1e-12);
    }

    @Test
    void errorsExcludeIgnoredPixels() {
        GroundTruth truth = GroundTruth.fromGrayLevels(SIZE, new int[] {0, 128, 255, 255});
        BitMask prediction = BitMask.fromPredicate(SIZE, (x, y) -> x <= 2);
        assertEquals(BitMask.fromPredicate(SIZE, (x, y) -> x == 3), truth.falseNegatives(prediction));
        assertEquals(BitMask.fromPredicate(SIZE, (x, y) -> x == 0), truth.falsePositives(prediction));
        assertFalse(truth.falsePositives(prediction).get(1, 0));
        assertTrue(truth.falseNegatives(new BitMask(SIZE)).get(2, 0));
    }

    @Test
    void rejectsWrongLevelCount() {
        assertThrows(IllegalArgumentException.class, () -> GroundTruth.fromGrayLevels(SIZE, new int[3]));
    }
}
