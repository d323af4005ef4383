package org.samannotator.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.DecoderUpscaling;
import org.samannotator.core.sam.EncodeTimings;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * Latency benchmark of a loaded {@link SamPredictor} on one image: the encoder (after warm-up runs, split
 * into our preprocessing and the ONNX encoder run) and the decoder for each {@link
 * BenchmarkImages.PromptCase} (after warm-up calls: our total {@code predict} wall time, the ONNX decoder run
 * alone, and our mask post-processing). All times in milliseconds.
 */
public final class SamBenchmark {
    /** How many timed runs, after how many untimed warm-up runs. */
    public record Settings(int encoderWarmup, int encoderRuns, int decoderWarmup, int decoderCalls) {
        public Settings {
            if (encoderRuns < 1 || decoderCalls < 1 || encoderWarmup < 0 || decoderWarmup < 0) {
                throw new IllegalArgumentException("benchmark run counts must be positive (warm-ups >= 0)");
            }
        }
    }

    /** Encoder timings of one image size. */
    public record EncoderResult(LatencyStats preprocess, LatencyStats encoderRun, LatencyStats total) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("preprocess_ms", preprocess.toJson());
            json.put("encoder_run_ms", encoderRun.toJson());
            json.put("encode_total_ms", total.toJson());
            return json;
        }
    }

    /** Decoder timings of one prompt: total predict time, ONNX run, post-processing, and onnx/total medians. */
    public record DecoderResult(String prompt, LatencyStats total, LatencyStats onnx, LatencyStats postprocess) {
        public double onnxShareOfTotal() {
            return onnx.median() / total.median();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("predict_total_ms", total.toJson());
            json.put("onnx_run_ms", onnx.toJson());
            json.put("postprocess_ms", postprocess.toJson());
            json.put("onnx_to_total_ratio", onnxShareOfTotal());
            return json;
        }
    }

    /** Everything measured on one image. */
    public record ImageBenchmark(String label, Size size, EncoderResult encoder, List<DecoderResult> decoder) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("width", size.width());
            json.put("height", size.height());
            json.put("encoder", encoder.toJson());
            Map<String, Object> prompts = new LinkedHashMap<>();
            decoder.forEach(result -> prompts.put(result.prompt(), result.toJson()));
            json.put("decoder", prompts);
            return json;
        }
    }

    private final SamPredictor predictor;
    private final Settings settings;
    private final Consumer<String> log;
    private final Runnable sampler;

    /**
     * @param log receives one progress line per step
     * @param sampler called after every timed run (e.g. {@link PeakMemorySampler#sample})
     */
    public SamBenchmark(SamPredictor predictor, Settings settings, Consumer<String> log, Runnable sampler) {
        this.predictor = predictor;
        this.settings = settings;
        this.log = log;
        this.sampler = sampler;
    }

    /** Benchmarks encoder and decoder on one image with the given prompts. */
    public ImageBenchmark run(String label, RgbImage image, List<BenchmarkImages.PromptCase> prompts) {
        log.accept(label + ": encoder (" + settings.encoderWarmup() + " warm-up + " + settings.encoderRuns()
                + " runs)");
        ImageEmbedding embedding = null;
        List<double[]> encodes = new ArrayList<>();
        try {
            for (int run = 0; run < settings.encoderWarmup() + settings.encoderRuns(); run++) {
                if (embedding != null) {
                    embedding.close();
                }
                long start = System.nanoTime();
                embedding = predictor.encode(image);
                double total = (System.nanoTime() - start) / 1e6;
                EncodeTimings split = predictor.lastEncodeTimings();
                if (run >= settings.encoderWarmup()) {
                    encodes.add(new double[] {split.preprocessMillis(), split.encoderMillis(), total});
                }
                sampler.run();
            }
            EncoderResult encoder = new EncoderResult(column(encodes, 0), column(encodes, 1), column(encodes, 2));
            List<DecoderResult> decoder = new ArrayList<>();
            for (BenchmarkImages.PromptCase prompt : prompts) {
                log.accept(label + ": decoder, " + prompt.name() + " (" + settings.decoderWarmup() + " warm-up + "
                        + settings.decoderCalls() + " calls)");
                decoder.add(runDecoder(embedding, prompt));
            }
            decoder.add(runWithOtherUpscaling(embedding, prompts.get(0)));
            return new ImageBenchmark(label, image.size(), encoder, decoder);
        } finally {
            if (embedding != null) {
                embedding.close();
            }
        }
    }

    /**
     * The first prompt again with the other {@link DecoderUpscaling} (decoder graph vs Java upsampling),
     * named "PROMPT [MODE]", so the report shows which is faster at this image size.
     */
    private DecoderResult runWithOtherUpscaling(ImageEmbedding embedding, BenchmarkImages.PromptCase promptCase) {
        DecoderUpscaling usual = predictor.upscaling();
        DecoderUpscaling other = usual == DecoderUpscaling.IN_JAVA ? DecoderUpscaling.IN_MODEL : DecoderUpscaling.IN_JAVA;
        predictor.setUpscaling(other);
        try {
            log.accept("decoder, " + promptCase.name() + " with upscaling " + other);
            DecoderResult result = runDecoder(embedding, promptCase);
            return new DecoderResult(promptCase.name() + " [" + other + "]", result.total(), result.onnx(), result.postprocess());
        } finally {
            predictor.setUpscaling(usual);
        }
    }

    private DecoderResult runDecoder(ImageEmbedding embedding, BenchmarkImages.PromptCase promptCase) {
        Prompt prompt = promptCase.prompt();
        if (promptCase.feedPreviousMask()) {
            prompt = prompt.withPreviousMask(predictor.predict(embedding, prompt).chosen().lowRes());
        }
        List<double[]> calls = new ArrayList<>();
        for (int call = 0; call < settings.decoderWarmup() + settings.decoderCalls(); call++) {
            long start = System.nanoTime();
            Prediction prediction = predictor.predict(embedding, prompt);
            double total = (System.nanoTime() - start) / 1e6;
            if (call >= settings.decoderWarmup()) {
                calls.add(new double[] {total, prediction.decoderMillis(), prediction.postprocessMillis()});
            }
            sampler.run();
        }
        return new DecoderResult(promptCase.name(), column(calls, 0), column(calls, 1), column(calls, 2));
    }

    private static LatencyStats column(List<double[]> rows, int column) {
        return LatencyStats.of(rows.stream().mapToDouble(row -> row[column]).toArray());
    }
}
