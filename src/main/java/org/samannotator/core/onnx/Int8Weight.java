package org.samannotator.core.onnx;

/**
 * A [K, N] weight matrix stored as symmetric int8 with float scales: {@code w[k][n] ~= values[k*N+n] * scale}
 * where scale is {@code scales[n]} (per column) or {@code scales[0]} (per tensor). Zero point 0, range
 * [-127, 127], round half to even. Pure function of its input, so the same weights always give the same bytes.
 *
 * @param rows K (the reduction dimension)
 * @param columns N (the output features)
 * @param values row-major int8 values, length K*N
 * @param scales length N (per column) or 1 (per tensor)
 */
record Int8Weight(int rows, int columns, byte[] values, float[] scales) {
    private static final int MAX_LEVEL = 127;

    /**
     * Quantizes {@code w} (row-major [K, N], or [N, K] when {@code transposed}, as Gemm's transB=1 stores it)
     * multiplied by {@code alpha}.
     */
    static Int8Weight quantize(float[] w, int rows, int columns, boolean transposed, float alpha, boolean perColumn) {
        float[] kn = new float[rows * columns];
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < columns; n++) {
                kn[k * columns + n] = alpha * (transposed ? w[n * rows + k] : w[k * columns + n]);
            }
        }
        float[] scales = perColumn ? columnScales(kn, rows, columns) : new float[] {scaleOf(maxAbs(kn))};
        byte[] values = new byte[kn.length];
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < columns; n++) {
                float scale = scales[perColumn ? n : 0];
                double level = Math.rint(kn[k * columns + n] / scale);
                values[k * columns + n] = (byte) Math.max(-MAX_LEVEL, Math.min(MAX_LEVEL, level));
            }
        }
        return new Int8Weight(rows, columns, values, scales);
    }

    private static float[] columnScales(float[] kn, int rows, int columns) {
        float[] scales = new float[columns];
        for (int n = 0; n < columns; n++) {
            float max = 0;
            for (int k = 0; k < rows; k++) {
                max = Math.max(max, Math.abs(kn[k * columns + n]));
            }
            scales[n] = scaleOf(max);
        }
        return scales;
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** max|w| / 127; an all-zero column gets scale 1 (its values are 0 either way). */
    private static float scaleOf(float maxAbs) {
        return maxAbs > 0 && Float.isFinite(maxAbs) ? maxAbs / MAX_LEVEL : 1f;
    }
}
