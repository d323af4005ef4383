package org.samannotator.core.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The result of a latency benchmark run: model load time, per-image encoder/decoder timings (the first
 * image is the headline one, nominally 640x480), peak used heap and peak process RSS. In the JSON,
 * {@code encoder_ms} is the ONNX encoder run of the first image (preprocessing is reported separately) and
 * {@code decoder_ms} the total {@code predict} time of its "1 point" prompt; {@code images} nests the rest.
 */
public record BenchmarkReport(String modelId, double modelLoadMillis, SamBenchmark.Settings settings,
        List<SamBenchmark.ImageBenchmark> images, long maxUsedHeapBytes, OptionalLong peakRssBytes) {
    /** Name of the prompt case reported at the top level. */
    public static final String HEADLINE_PROMPT = "1 point";

    public BenchmarkReport {
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a benchmark report needs at least one image");
        }
    }

    /** The headline decoder case: the first image's "1 point" prompt. */
    public SamBenchmark.DecoderResult headlineDecoder() {
        return images.get(0).decoder().stream().filter(d -> d.prompt().equals(HEADLINE_PROMPT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no '" + HEADLINE_PROMPT + "' case was measured"));
    }

    public Map<String, Object> toJson() {
        SamBenchmark.ImageBenchmark first = images.get(0);
        SamBenchmark.DecoderResult headline = headlineDecoder();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelId);
        json.put("model_load_ms", modelLoadMillis);
        json.put("encoder_ms", first.encoder().encoderRun().toJson());
        json.put("decoder_ms", headline.total().toJson());
        json.put("decoder_onnx_ms", headline.onnx().toJson());
        json.put("decoder_onnx_to_total_ratio", headline.onnxShareOfTotal());
        json.put("preprocess_ms", first.encoder().preprocess().toJson());
        json.put("postprocess_ms", headline.postprocess().toJson());
        json.put("headline_image", first.label());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("max_used_heap_mb", maxUsedHeapBytes / 1e6);
        memory.put("peak_rss_mb", peakRssBytes.isPresent() ? peakRssBytes.getAsLong() / 1e6 : null);
        memory.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
        json.put("memory", memory);
        Map<String, Object> settingsJson = new LinkedHashMap<>();
        settingsJson.put("encoder_warmup", settings.encoderWarmup());
        settingsJson.put("encoder_runs", settings.encoderRuns());
        settingsJson.put("decoder_warmup", settings.decoderWarmup());
        settingsJson.put("decoder_calls", settings.decoderCalls());
        json.put("settings", settingsJson);
        Map<String, Object> perImage = new LinkedHashMap<>();
        images.forEach(image -> perImage.put(image.label(), image.toJson()));
        json.put("images", perImage);
        return json;
    }
}
