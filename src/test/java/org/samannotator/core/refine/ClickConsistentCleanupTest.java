package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.PromptPoint;

class ClickConsistentCleanupTest {
    private static final Size SIZE = new Size(40, 30);

    /** Two squares: A (2..11, 2..11) and B (20..29, 2..11); A has a 2x2 hole at (6, 6). */
    private static BitMask twoSquaresWithHole() {
        return BitMask.fromPredicate(SIZE, (x, y) -> {
            boolean a = x >= 2 && x < 12 && y >= 2 && y < 12 && !(x >= 6 && x < 8 && y >= 6 && y < 8);
            boolean b = x >= 20 && x < 30 && y >= 2 && y < 12;
            return a || b;
        });
    }

    @Test
    void dropsComponentsWithoutAPositiveClickAndFillsSmallHoles() {
        BitMask cleaned = ClickConsistentCleanup.clean(twoSquaresWithHole(), List.of(PromptPoint.foreground(3, 3)), 10);
        assertTrue(cleaned.get(3, 3));
        assertTrue(cleaned.get(6, 6), "the 4-pixel hole is filled");
        assertFalse(cleaned.get(25, 5), "the unclicked square is dropped");
        assertEquals(100, cleaned.area());
    }

    @Test
    void keepsEveryClickedComponentAndLargeHoles() {
        List<PromptPoint> clicks = List.of(PromptPoint.foreground(3, 3), PromptPoint.foreground(25, 5));
        BitMask cleaned = ClickConsistentCleanup.clean(twoSquaresWithHole(), clicks, 4);
        assertTrue(cleaned.get(25, 5));
        assertFalse(cleaned.get(6, 6), "a hole of 4 pixels is not below a bound of 4");
        assertEquals(twoSquaresWithHole(), cleaned);
    }

    @Test
    void neverFillsAHoleHoldingANegativeClickAndForcesClickedPixels() {
        List<PromptPoint> clicks = List.of(PromptPoint.foreground(3, 3), PromptPoint.background(6.4, 6.2),
                PromptPoint.background(10, 10), PromptPoint.foreground(35, 25));
        BitMask cleaned = ClickConsistentCleanup.clean(twoSquaresWithHole(), clicks, 10);
        assertFalse(cleaned.get(6, 6), "the hole holds a negative click");
        assertFalse(cleaned.get(10, 10), "a negative click's pixel is cleared");
        assertTrue(cleaned.get(35, 25), "a positive click's pixel is set");
        assertFalse(cleaned.get(25, 5));
    }

    @Test
    void aMaskMissingEveryPositiveClickKeepsItsComponents() {
        BitMask cleaned = ClickConsistentCleanup.clean(twoSquaresWithHole(), List.of(PromptPoint.foreground(35, 25)), 0);
        BitMask expected = twoSquaresWithHole();
        expected.set(35, 25);
        assertEquals(expected, cleaned);
    }

    @Test
    void holeBoundIsCellsOfTheEmbeddingGrid() {
        assertEquals(64, ClickConsistentCleanup.holeAreaFor(new Size(512, 300), 1.0));
        assertEquals(16, ClickConsistentCleanup.holeAreaFor(new Size(300, 512), 0.25));
        assertEquals(0, ClickConsistentCleanup.holeAreaFor(new Size(300, 512), 0));
    }

    @Test
    void holesTouchingTheBorderAreNotHoles() {
        BitMask ring = BitMask.fromPredicate(SIZE, (x, y) -> x >= 2 && !(x >= 10 && x < 12 && y < 3));
        BitMask cleaned = ClickConsistentCleanup.clean(ring, List.of(PromptPoint.foreground(20, 20)), 1000);
        assertFalse(cleaned.get(0, 0));
        assertFalse(cleaned.get(10, 0));
    }
}
