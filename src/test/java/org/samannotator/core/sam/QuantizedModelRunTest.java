package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.samannotator.core.onnx.QuantizationScheme;
import org.samannotator.core.onnx.TinyOnnxModels;
import org.samannotator.core.onnx.WeightQuantizer;

/** Runs a tiny generated model and its int8 version with ONNX Runtime and compares their outputs. */
class QuantizedModelRunTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @ParameterizedTest
    @EnumSource(QuantizationScheme.class)
    void int8OutputsStayCloseToFloatOutputs(QuantizationScheme scheme) throws Exception {
        byte[] model = TinyOnnxModels.matMulGemmModel(11);
        byte[] quantized = WeightQuantizer.quantize(model, scheme).modelBytes();
        Random random = new Random(5);
        float[] x = TinyOnnxModels.gaussian(random, TinyOnnxModels.ROWS * TinyOnnxModels.X_FEATURES);
        float[] s = TinyOnnxModels.gaussian(random, TinyOnnxModels.ROWS * TinyOnnxModels.S_FEATURES);
        float[][][] reference = run(model, x, s);
        float[][][] int8 = run(quantized, x, s);

        float[][] y = reference[0];
        double maxAbs = 0;
        double maxError = 0;
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < y[r].length; c++) {
                maxAbs = Math.max(maxAbs, Math.abs(y[r][c]));
                maxError = Math.max(maxError, Math.abs(y[r][c] - int8[0][r][c]));
            }
        }
        assertTrue(maxAbs > 1, "the float model produces a non-trivial output");
        assertTrue(maxError > 0, "the int8 model really ran with quantized weights");
        assertTrue(maxError < 0.03 * maxAbs, "int8 error " + maxError + " vs output range " + maxAbs);
        for (int r = 0; r < TinyOnnxModels.ROWS; r++) {
            for (int c = 0; c < TinyOnnxModels.Z_FEATURES; c++) {
                assertEquals(reference[1][r][c], int8[1][r][c], 1e-6, "the K=4 product stays float");
            }
        }
    }

    /** Outputs Y and Z of the model for inputs X [3, 32] and S [3, 4]. */
    private static float[][][] run(byte[] model, float[] x, float[] s) throws OrtException {
        try (OrtSession session = ENV.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor xTensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x),
                        new long[] {TinyOnnxModels.ROWS, TinyOnnxModels.X_FEATURES});
                OnnxTensor sTensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(s),
                        new long[] {TinyOnnxModels.ROWS, TinyOnnxModels.S_FEATURES});
                OrtSession.Result result = session.run(Map.of("X", xTensor, "S", sTensor))) {
            return new float[][][] {(float[][]) result.get("Y").orElseThrow().getValue(),
                    (float[][]) result.get("Z").orElseThrow().getValue()};
        }
    }
}
