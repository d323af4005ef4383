package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;

/**
 * segment-anything's {@code build_point_grid} / {@code build_all_layer_point_grids}: n x n cell centres in
 * [0,1]^2, offset 1/(2n), row by row (y outer, x inner).
 */
public final class PointGrid {
    private PointGrid() {
    }

    /**
     * The grid of one layer as normalized (x, y) pairs.
     *
     * @return double [n*n][2]: {@code [k] = {x, y}} with k = row * n + column
     */
    public static double[][] build(int nPerSide) {
        if (nPerSide < 1) {
            throw new IllegalArgumentException("points per side must be at least 1, got " + nPerSide);
        }
        double offset = 1.0 / (2 * nPerSide);
        double[] oneSide = new double[nPerSide];
        for (int i = 0; i < nPerSide; i++) {
            // np.linspace(offset, 1 - offset, n): start + i * step, the last one exactly the end point
            oneSide[i] = nPerSide == 1 ? offset : offset + i * ((1 - 2 * offset) / (nPerSide - 1));
        }
        if (nPerSide > 1) {
            oneSide[nPerSide - 1] = 1 - offset;
        }
        double[][] points = new double[nPerSide * nPerSide][];
        for (int row = 0; row < nPerSide; row++) {
            for (int col = 0; col < nPerSide; col++) {
                points[row * nPerSide + col] = new double[] {oneSide[col], oneSide[row]};
            }
        }
        return points;
    }

    /** One grid per crop layer 0..nLayers: layer i has {@code int(n / scale^i)} points per side. */
    public static List<double[][]> allLayers(int nPerSide, int nLayers, int scalePerLayer) {
        List<double[][]> grids = new ArrayList<>();
        for (int i = 0; i <= nLayers; i++) {
            grids.add(build((int) (nPerSide / Math.pow(scalePerLayer, i))));
        }
        return grids;
    }
}
