package org.samannotator.gui.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.samannotator.core.eval.LatencyStats;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;

/**
 * The result of {@link UiBenchmark#run}: per image size, one {@link ClickSample} per timed click. Times are
 * milliseconds from the mouse release on the canvas. {@code windowing} and {@code renderer} name the JavaFX
 * platform and pipeline used; {@code sceneWidth} x {@code sceneHeight} is the window's scene size and
 * {@code canvasWidth} x {@code canvasHeight} the image canvas's, in JavaFX pixels.
 */
public record UiBenchResult(String modelId, String windowing, String renderer, boolean headless, int sceneWidth,
        int sceneHeight, int canvasWidth, int canvasHeight, UiBenchSettings settings, List<SizeResult> sizes) {
    public UiBenchResult {
        sizes = List.copyOf(sizes);
    }

    /**
     * One timed click. {@code overlayMillis}: until the frame showing the candidate was rendered (the scene
     * pulse after the draw ran, then the renderer finished that frame). {@code pulseMillis}: until that pulse
     * ran (the benchmark's overlay probe). {@code decoderMillis}: the ONNX decoder run alone
     * ({@code Prediction.decoderMillis}). {@code point}: where the click was, in original image pixels.
     * {@code probeMillis}: what the render-complete probe (a 1x1 snapshot) cost just before the click, with
     * the renderer idle; that much of {@code overlayMillis} is measurement overhead.
     */
    public record ClickSample(ImagePoint point, double overlayMillis, double pulseMillis, double decoderMillis,
            double probeMillis) {
    }

    /**
     * The clicks on one image size; {@code displayScale} is screen pixels per image pixel (fit to the canvas);
     * {@code duringPreannotation}: taken while a pre-annotation of the image ran.
     */
    public record SizeResult(Size size, double displayScale, List<ClickSample> samples, boolean duringPreannotation) {
        public SizeResult {
            samples = List.copyOf(samples);
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("no clicks were timed on " + size);
            }
        }

        /** The size, with " +preannotate" for clicks taken during a pre-annotation. */
        public String label() {
            return size + (duringPreannotation ? " +preannotate" : "");
        }

        public LatencyStats overlay() {
            return LatencyStats.of(samples.stream().map(ClickSample::overlayMillis).toList());
        }

        public LatencyStats pulse() {
            return LatencyStats.of(samples.stream().map(ClickSample::pulseMillis).toList());
        }

        public LatencyStats decoder() {
            return LatencyStats.of(samples.stream().map(ClickSample::decoderMillis).toList());
        }

        /**
         * What the app adds to the decoder: per click, click-to-overlay minus that click's decoder run (Java
         * pre- and post-processing, the overlay, the renderer's pulse).
         */
        public LatencyStats appShare() {
            return LatencyStats.of(samples.stream().map(s -> s.overlayMillis() - s.decoderMillis()).toList());
        }

        public LatencyStats probe() {
            return LatencyStats.of(samples.stream().map(ClickSample::probeMillis).toList());
        }

        /** The target for the median click-to-overlay time at this size, if it has one. */
        public OptionalDouble targetMedianMillis() {
            return UiBenchResult.targetMedianMillis(size);
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("width", size.width());
            json.put("height", size.height());
            json.put("display_scale", displayScale);
            json.put("during_preannotation", duringPreannotation);
            json.put("click_to_overlay_ms", overlay().toJson());
            json.put("click_to_pulse_ms", pulse().toJson());
            json.put("decoder_ms", decoder().toJson());
            json.put("app_share_ms", appShare().toJson());
            json.put("probe_idle_ms", probe().toJson());
            OptionalDouble target = targetMedianMillis();
            json.put("target_median_ms", target.isPresent() ? target.getAsDouble() : null);
            json.put("meets_target", target.isPresent() ? overlay().median() <= target.getAsDouble() : null);
            json.put("samples", samples.stream().map(SizeResult::sampleJson).toList());
            return json;
        }

        private static Map<String, Object> sampleJson(ClickSample sample) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("x", sample.point().x());
            json.put("y", sample.point().y());
            json.put("click_to_overlay_ms", sample.overlayMillis());
            json.put("click_to_pulse_ms", sample.pulseMillis());
            json.put("decoder_ms", sample.decoderMillis());
            json.put("probe_idle_ms", sample.probeMillis());
            return json;
        }
    }

    /** Median targets: at most 50 ms at 640x480 and at most 60 ms at 4000x3000 (2 cores). */
    public static OptionalDouble targetMedianMillis(Size size) {
        if (size.equals(new Size(640, 480))) {
            return OptionalDouble.of(50);
        }
        if (size.equals(new Size(4000, 3000))) {
            return OptionalDouble.of(60);
        }
        return OptionalDouble.empty();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "bench-ui");
        json.put("model", modelId);
        Map<String, Object> toolkit = new LinkedHashMap<>();
        toolkit.put("windowing", windowing);
        toolkit.put("renderer", renderer);
        toolkit.put("headless", headless);
        toolkit.put("scene", List.of(sceneWidth, sceneHeight));
        toolkit.put("canvas", List.of(canvasWidth, canvasHeight));
        json.put("toolkit", toolkit);
        json.put("available_processors", Runtime.getRuntime().availableProcessors());
        Map<String, Object> settingsJson = new LinkedHashMap<>();
        settingsJson.put("calls", settings.calls());
        settingsJson.put("warmup", settings.warmup());
        settingsJson.put("during_preannotation", settings.duringPreannotation());
        settingsJson.put("click_levers", settings.levers().isPlain() ? "plain" : settings.levers().toString());
        json.put("settings", settingsJson);
        Map<String, Object> perSize = new LinkedHashMap<>();
        sizes.forEach(s -> perSize.put(s.label(), s.toJson()));
        json.put("sizes", perSize);
        return json;
    }
}
