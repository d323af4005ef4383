package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samannotator.core.mask.RleTest.maskOf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class ConnectedComponentsTest {

    @Test
    void diagonalPixelsJoinOnlyWithEightConnectivity() {
        BitMask mask = maskOf(
                "1000",
                "0100",
                "0001");
        ConnectedComponents four = ConnectedComponents.find(mask, true, Connectivity.FOUR);
        ConnectedComponents eight = ConnectedComponents.find(mask, true, Connectivity.EIGHT);
        assertEquals(3, four.count());
        assertEquals(2, eight.count());
        assertEquals(2, eight.area(0));
        assertEquals(new PixelRect(0, 0, 2, 2), eight.bounds(0));
        assertEquals(new PixelRect(3, 2, 1, 1), eight.bounds(1));
        assertEquals(0, eight.componentAt(1, 1));
        assertEquals(1, eight.componentAt(3, 2));
        assertEquals(-1, eight.componentAt(2, 2));
        assertEquals(-1, eight.componentAt(9, 0));
    }

    @Test
    void uShapeMergesAcrossRows() {
        // The two arms only meet in the last row: union-find must merge them.
        BitMask mask = maskOf(
                "10001",
                "10001",
                "11111");
        ConnectedComponents c = ConnectedComponents.find(mask, true, Connectivity.FOUR);
        assertEquals(1, c.count());
        assertEquals(9, c.area(0));
    }

    @Test
    void backgroundComponentsAndBorder() {
        BitMask mask = maskOf(
                "11111",
                "10101",
                "11111");
        ConnectedComponents background = ConnectedComponents.find(mask, false, Connectivity.FOUR);
        assertEquals(2, background.count());
        assertFalse(background.touchesBorder(0));
        assertFalse(background.touchesBorder(1));
        BitMask filled = mask.copy();
        background.paint(1, filled, true);
        assertEquals(maskOf("11111", "10111", "11111"), filled);
    }

    @Test
    void matchesFloodFillOnRandomMasks() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Size size = new Size(1 + random.nextInt(25), 1 + random.nextInt(25));
            double density = random.nextDouble();
            BitMask mask = BitMask.fromPredicate(size, (x, y) -> random.nextDouble() < density);
            for (Connectivity connectivity : Connectivity.values()) {
                for (boolean value : new boolean[] {true, false}) {
                    ConnectedComponents found = ConnectedComponents.find(mask, value, connectivity);
                    List<Long> expected = floodFillAreas(mask, value, connectivity);
                    List<Long> actual = new ArrayList<>();
                    for (int c = 0; c < found.count(); c++) {
                        actual.add(found.area(c));
                    }
                    // Both number components in raster order of their first pixel.
                    assertEquals(expected, actual, "trial " + trial + " " + connectivity + " value " + value);
                }
            }
        }
    }

    /** Reference: breadth-first flood fill from each unvisited pixel in raster order. */
    private static List<Long> floodFillAreas(BitMask mask, boolean value, Connectivity connectivity) {
        int w = mask.width();
        int h = mask.height();
        boolean[] seen = new boolean[w * h];
        List<Long> areas = new ArrayList<>();
        int[][] steps = connectivity == Connectivity.FOUR
                ? new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
                : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        for (int i = 0; i < w * h; i++) {
            if (seen[i] || mask.get(i % w, i / w) != value) {
                continue;
            }
            long area = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>(Collections.singleton(i));
            seen[i] = true;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                area++;
                for (int[] s : steps) {
                    int nx = p % w + s[0];
                    int ny = p / w + s[1];
                    int n = ny * w + nx;
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[n] && mask.get(nx, ny) == value) {
                        seen[n] = true;
                        queue.add(n);
                    }
                }
            }
            areas.add(area);
        }
        return areas;
    }

    @Test
    void touchesBorderOnEachSide() {
        BitMask mask = maskOf(
                "00000",
                "00000",
                "00001");
        ConnectedComponents c = ConnectedComponents.find(mask, true, Connectivity.EIGHT);
        assertTrue(c.touchesBorder(0));
        ConnectedComponents inner = ConnectedComponents.find(maskOf("000", "010", "000"), true, Connectivity.EIGHT);
        assertFalse(inner.touchesBorder(0));
    }
}
