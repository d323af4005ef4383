package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which grid points are decoded. SAM's order is the grid's (row by row). The adaptive mode
 * goes coarse to fine instead, so that the first prompts are spread over the whole crop and the masks they
 * find can cover (and so skip) the later, finer points: first every 8th point in both directions, then every
 * 4th, 2nd, and finally the rest; within a level, row by row.
 */
final class GridOrder {
    private static final int COARSEST_STRIDE = 8;

    private GridOrder() {
    }

    /** Indices 0..n*n-1 of an n x n grid in SAM's order or coarse to fine. */
    static List<Integer> of(int nPerSide, boolean coarseToFine) {
        List<Integer> order = new ArrayList<>(nPerSide * nPerSide);
        for (int i = 0; i < nPerSide * nPerSide; i++) {
            order.add(i);
        }
        if (coarseToFine) {
            order.sort(Comparator.comparingInt((Integer i) -> -stride(i / nPerSide, i % nPerSide)));
        }
        return order;
    }

    /** The largest stride in {8, 4, 2, 1} that divides both the row and the column. */
    static int stride(int row, int col) {
        for (int s = COARSEST_STRIDE; s > 1; s /= 2) {
            if (row % s == 0 && col % s == 0) {
                return s;
            }
        }
        return 1;
    }
}
