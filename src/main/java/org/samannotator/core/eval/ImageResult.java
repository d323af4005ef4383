package org.samannotator.core.eval;

import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * The outcome of the click protocol on one image: its name (file base name), size (width, height) in
 * pixels, the IoU after every click, the clicks made (in original pixel indices), the encoder time, each
 * decoder call's total {@code predict} time and ONNX-run time (milliseconds), and the first-click oracle
 * when it was asked for.
 */
public record ImageResult(String name, Size size, IouCurve curve, List<SimulatedClick> clicks,
        double encoderMillis, List<Double> predictMillis, List<Double> onnxDecoderMillis,
        Optional<OracleFirstClick> oracle) {
    public ImageResult {
        clicks = List.copyOf(clicks);
        predictMillis = List.copyOf(predictMillis);
        onnxDecoderMillis = List.copyOf(onnxDecoderMillis);
    }
}
