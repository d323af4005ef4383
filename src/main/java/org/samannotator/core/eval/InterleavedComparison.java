package org.samannotator.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * Side-by-side latency of several models in one process, interleaved call by call (A, B, A, B, ...), so a
 * change in the machine's load hits all of them alike and their ratio stays meaningful on a noisy machine.
 * Per model: encoder run (ONNX) and decoder run (ONNX) and whole {@code predict} for one prompt, each model
 * decoding its own embedding.
 */
public final class InterleavedComparison {
    private InterleavedComparison() {
    }

    /** Latencies of one model on one image, in milliseconds. */
    public record ModelLatency(String modelId, LatencyStats encoderRun, LatencyStats decoderRun,
            LatencyStats predictTotal) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", modelId);
            json.put("encoderRunMillis", encoderRun.toJson());
            json.put("decoderRunMillis", decoderRun.toJson());
            json.put("predictTotalMillis", predictTotal.toJson());
            return json;
        }
    }

    /**
     * @param encoderRuns timed encodes per model (after one warm-up each)
     * @param decoderWarmup untimed decodes per model
     * @param decoderCalls timed decodes per model
     */
    public static List<ModelLatency> run(List<SamPredictor> predictors, RgbImage image, Prompt prompt, int encoderRuns,
            int decoderWarmup, int decoderCalls, Consumer<String> log) {
        int n = predictors.size();
        List<ImageEmbedding> embeddings = new ArrayList<>();
        List<List<Double>> encoder = lists(n);
        List<List<Double>> decoder = lists(n);
        List<List<Double>> total = lists(n);
        try {
            for (SamPredictor predictor : predictors) {
                embeddings.add(predictor.encode(image));
            }
            log.accept(image.size() + ": encoder, " + encoderRuns + " runs per model, interleaved");
            for (int run = 0; run < encoderRuns; run++) {
                for (int m = 0; m < n; m++) {
                    predictors.get(m).encode(image).close();
                    encoder.get(m).add(predictors.get(m).lastEncodeTimings().encoderMillis());
                }
            }
            log.accept(image.size() + ": decoder, " + decoderWarmup + " warm-up + " + decoderCalls
                    + " calls per model, interleaved");
            for (int call = 0; call < decoderWarmup + decoderCalls; call++) {
                for (int m = 0; m < n; m++) {
                    long start = System.nanoTime();
                    Prediction prediction = predictors.get(m).predict(embeddings.get(m), prompt);
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (call >= decoderWarmup) {
                        decoder.get(m).add(prediction.decoderMillis());
                        total.get(m).add(millis);
                    }
                }
            }
        } finally {
            embeddings.forEach(ImageEmbedding::close);
        }
        List<ModelLatency> results = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            results.add(new ModelLatency(predictors.get(m).modelId(), LatencyStats.of(encoder.get(m)),
                    LatencyStats.of(decoder.get(m)), LatencyStats.of(total.get(m))));
        }
        return results;
    }

    /** A Markdown table of the results, ratios relative to the first model. */
    public static String table(String imageLabel, List<ModelLatency> results) {
        StringBuilder out = new StringBuilder("| " + imageLabel + " | encoder run median | decoder run median | p95"
                + " | predict total median | p95 | decoder speed-up vs first | encoder speed-up vs first |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        ModelLatency first = results.get(0);
        for (ModelLatency r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.2fx | %.2fx |%n",
                    r.modelId(), r.encoderRun().median(), r.decoderRun().median(), r.decoderRun().p95(),
                    r.predictTotal().median(), r.predictTotal().p95(),
                    first.decoderRun().median() / r.decoderRun().median(),
                    first.encoderRun().median() / r.encoderRun().median()));
        }
        return out.toString();
    }

    private static List<List<Double>> lists(int n) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
