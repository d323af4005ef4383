package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.samannotator.core.mask.RleTest.maskOf;

import org.junit.jupiter.api.Test;
import org.samannotator.core.mask.SmallRegionCleanup.CleanupSettings;

class SmallRegionCleanupTest {
    private static final BitMask SPECKLED = maskOf(
            "1100000",
            "1100000",
            "0000111",
            "0001111",
            "0000111");

    @Test
    void removesIslandsBelowThreshold() {
        BitMask cleaned = SmallRegionCleanup.removeSmallIslands(SPECKLED, 5, Connectivity.FOUR);
        assertEquals(maskOf(
                "0000000",
                "0000000",
                "0000111",
                "0001111",
                "0000111"), cleaned);
        // Threshold is strict: an island of exactly 4 pixels survives minArea 4.
        assertEquals(SPECKLED, SmallRegionCleanup.removeSmallIslands(SPECKLED, 4, Connectivity.FOUR));
    }

    @Test
    void inputIsNotModified() {
        BitMask input = SPECKLED.copy();
        SmallRegionCleanup.removeSmallIslands(input, 100, Connectivity.FOUR);
        SmallRegionCleanup.fillSmallHoles(input, 100, Connectivity.FOUR);
        assertEquals(SPECKLED, input);
    }

    @Test
    void connectivityDecidesWhatAnIslandIs() {
        BitMask diagonal = maskOf(
                "100",
                "010",
                "001");
        assertEquals(new BitMask(diagonal.size()),
                SmallRegionCleanup.removeSmallIslands(diagonal, 2, Connectivity.FOUR));
        assertEquals(diagonal, SmallRegionCleanup.removeSmallIslands(diagonal, 2, Connectivity.EIGHT));
    }

    @Test
    void keepsLargestWhenAllAreSmallIfAsked() {
        BitMask all = SmallRegionCleanup.removeSmallIslands(SPECKLED, 100, Connectivity.FOUR, false);
        assertEquals(0, all.area());
        BitMask kept = SmallRegionCleanup.removeSmallIslands(SPECKLED, 100, Connectivity.FOUR, true);
        assertEquals(10, kept.area());
        assertEquals(false, kept.get(0, 0));
    }

    @Test
    void fillsEnclosedHolesButNotBorderBays() {
        BitMask ring = maskOf(
                "0111110",
                "0100010",
                "0101010",
                "0100010",
                "0111110",
                "0000000");
        // The enclosed hole is 8 pixels; the outside background touches the border.
        BitMask small = SmallRegionCleanup.fillSmallHoles(ring, 8, Connectivity.FOUR);
        assertEquals(ring, small);
        BitMask filled = SmallRegionCleanup.fillSmallHoles(ring, 9, Connectivity.FOUR);
        assertEquals(25, filled.area());
        assertEquals(false, filled.get(0, 0));

        BitMask bay = maskOf(
                "111",
                "101",
                "101");
        assertEquals(bay, SmallRegionCleanup.fillSmallHoles(bay, 100, Connectivity.FOUR));
    }

    @Test
    void holeConnectivityMatters() {
        // Two hole pixels touching only diagonally: with FOUR they are two holes of 1 px each,
        // with EIGHT one hole of 2 px.
        BitMask mask = maskOf(
                "1111",
                "1011",
                "1101",
                "1111");
        assertEquals(16, SmallRegionCleanup.fillSmallHoles(mask, 2, Connectivity.FOUR).area());
        assertEquals(mask, SmallRegionCleanup.fillSmallHoles(mask, 2, Connectivity.EIGHT));
    }

    @Test
    void cleanFillsThenRemoves() {
        BitMask mask = maskOf(
                "10000000",
                "00111100",
                "00101100",
                "00111100",
                "00000000");
        BitMask cleaned = SmallRegionCleanup.clean(mask, CleanupSettings.withThreshold(3));
        assertEquals(maskOf(
                "00000000",
                "00111100",
                "00111100",
                "00111100",
                "00000000"), cleaned);
    }
}
