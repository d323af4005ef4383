package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/** SAM's remove_small_regions semantics: holes then islands, 8-connected. */
class SmallRegionsTest {
    private static BitMask squareWithHoleAndIsland() {
        BitMask m = new BitMask(new Size(10, 10));
        for (int y = 1; y < 7; y++) {
            m.setRun(y, 1, 7, true);
        }
        m.set(3, 3, false);
        m.set(9, 9);
        m.set(9, 8);
        return m;
    }

    @Test
    void smallHolesAreFilledAndSmallIslandsRemoved() {
        BitMask m = squareWithHoleAndIsland();
        SmallRegions.Result holes = SmallRegions.remove(m, 3, SmallRegions.Mode.HOLES);
        assertTrue(holes.changed());
        assertTrue(holes.mask().get(3, 3));
        SmallRegions.Result islands = SmallRegions.remove(holes.mask(), 3, SmallRegions.Mode.ISLANDS);
        assertTrue(islands.changed());
        assertFalse(islands.mask().get(9, 9));
        assertEquals(36, islands.mask().area());
    }

    @Test
    void nothingSmallMeansUnchangedAndTheSameMask() {
        BitMask m = squareWithHoleAndIsland();
        SmallRegions.Result r = SmallRegions.remove(m, 1, SmallRegions.Mode.ISLANDS);
        assertFalse(r.changed());
        assertSame(m, r.mask());
    }

    @Test
    void whenEveryIslandIsSmallTheLargestStays() {
        BitMask m = squareWithHoleAndIsland();
        SmallRegions.Result r = SmallRegions.remove(m, 1000, SmallRegions.Mode.ISLANDS);
        assertTrue(r.changed());
        assertEquals(35, r.mask().area());
        assertFalse(r.mask().get(9, 9));
    }

    @Test
    void aSmallBackgroundRegionAtTheBorderCountsAsAHoleAsInOpenCv() {
        BitMask m = new BitMask(new Size(5, 5));
        for (int y = 0; y < 5; y++) {
            m.setRun(y, 0, 5, true);
        }
        m.set(0, 0, false);
        SmallRegions.Result r = SmallRegions.remove(m, 2, SmallRegions.Mode.HOLES);
        assertTrue(r.changed());
        assertEquals(25, r.mask().area());
    }

    @Test
    void diagonalPixelsAreOneRegion() {
        BitMask m = new BitMask(new Size(6, 6));
        m.set(1, 1);
        m.set(2, 2);
        m.set(5, 5);
        SmallRegions.Result r = SmallRegions.remove(m, 2, SmallRegions.Mode.ISLANDS);
        assertTrue(r.mask().get(1, 1) && r.mask().get(2, 2));
        assertFalse(r.mask().get(5, 5));
    }
}
