package org.samannotator.core.eval;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * The outcome of the click protocol on one image: its name (file base name), size (width, height) in
 * pixels, the IoU after every click, the clicks made (in original pixel indices), the encoder time (NaN when
 * the embedding came from the cache), per click the whole prediction's wall time and the ONNX-run time summed
 * over its decoder calls (milliseconds) and the number of decoder calls, and the first-click oracle when it
 * was asked for, and how many zoom-in crops were encoded (0 without zoom-in; a click's crop encode is not in its
 * prediction time).
 */
public record ImageResult(String name, Size size, IouCurve curve, List<SimulatedClick> clicks,
        double encoderMillis, List<Double> predictMillis, List<Double> onnxDecoderMillis,
        Optional<OracleFirstClick> oracle, List<Integer> decoderCalls, int cropEncodes) {
    public ImageResult {
        clicks = List.copyOf(clicks);
        predictMillis = List.copyOf(predictMillis);
        onnxDecoderMillis = List.copyOf(onnxDecoderMillis);
        decoderCalls = List.copyOf(decoderCalls);
    }

    /** Without zoom-in crops. */
    public ImageResult(String name, Size size, IouCurve curve, List<SimulatedClick> clicks, double encoderMillis,
            List<Double> predictMillis, List<Double> onnxDecoderMillis, Optional<OracleFirstClick> oracle,
            List<Integer> decoderCalls) {
        this(name, size, curve, clicks, encoderMillis, predictMillis, onnxDecoderMillis, oracle, decoderCalls, 0);
    }

    /** One decoder call per prediction (the standard protocol). */
    public ImageResult(String name, Size size, IouCurve curve, List<SimulatedClick> clicks, double encoderMillis,
            List<Double> predictMillis, List<Double> onnxDecoderMillis, Optional<OracleFirstClick> oracle) {
        this(name, size, curve, clicks, encoderMillis, predictMillis, onnxDecoderMillis, oracle,
                Collections.nCopies(predictMillis.size(), 1));
    }
}
