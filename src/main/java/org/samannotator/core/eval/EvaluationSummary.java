package org.samannotator.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;

/**
 * Dataset-level metrics of the interactive protocol. mIoU@k is the mean over images of the IoU after click
 * k; NoC@t is the mean over images of the number of clicks to reach IoU t (max clicks when never reached);
 * {@code failed90} counts images that never reached IoU 0.90 within max clicks. Timings are medians in
 * milliseconds: the encoder over images (encoded ones; NaN when all came from the cache), the decoder over
 * all clicks (the whole prediction's wall time per click, and its ONNX runs alone); with the standard protocol
 * a click is one decoder call. {@code decoderCallsPerClick} is the mean number of decoder runs per click,
 * {@code encoderCallsPerImage} the mean number of encoder runs an image needs (1, plus its zoom-in crops;
 * an embedding from the cache counts as its run), {@code javaMsMedian} the median over clicks of the
 * prediction's wall time minus its ONNX decoder runs (the Java work per click: decoder inputs, reading
 * outputs, levers, masks; crop encodes excluded).
 */
public record EvaluationSummary(String modelId, EvaluationSettings settings, int images, double[] miouPerClick,
        double noc85, double noc90, int failed85, int failed90, double encoderMsMedian, double decoderMsMedian,
        double decoderOnnxMsMedian, Optional<OracleSummary> oracle, double decoderCallsPerClick,
        double encoderCallsPerImage, double javaMsMedian) {

    /**
     * First-click oracle over the dataset: mean best IoU, mean chosen IoU, wins per mask token index, and the
     * mean first-click IoU each candidate rule would give on the same decodes.
     */
    public record OracleSummary(double miou1Oracle, double miou1Chosen, Map<Integer, Integer> bestTokenWins,
            Map<Integer, Integer> chosenTokenCounts, Map<CandidateRule, Double> miou1ByRule) {
    }

    public static EvaluationSummary of(String modelId, EvaluationSettings settings, List<ImageResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no images were evaluated");
        }
        int maxClicks = settings.maxClicks();
        double[] miou = new double[maxClicks];
        List<Double> encoder = new ArrayList<>();
        List<Double> predict = new ArrayList<>();
        List<Double> onnx = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        long calls = 0;
        long cropEncodes = 0;
        for (ImageResult result : results) {
            if (result.curve().maxClicks() != maxClicks) {
                throw new IllegalArgumentException(result.name() + " has " + result.curve().maxClicks()
                        + " clicks, expected " + maxClicks);
            }
            for (int k = 1; k <= maxClicks; k++) {
                miou[k - 1] += result.curve().iouAfterClick(k) / results.size();
            }
            if (Double.isFinite(result.encoderMillis())) {
                encoder.add(result.encoderMillis());
            }
            predict.addAll(result.predictMillis());
            calls += result.decoderCalls().stream().mapToLong(Integer::longValue).sum();
            onnx.addAll(result.onnxDecoderMillis());
            cropEncodes += result.cropEncodes();
            for (int i = 0; i < result.predictMillis().size(); i++) {
                java.add(result.predictMillis().get(i) - result.onnxDecoderMillis().get(i));
            }
        }
        return new EvaluationSummary(modelId, settings, results.size(), miou,
                meanNoc(results, 0.85), meanNoc(results, 0.90), countFailures(results, 0.85),
                countFailures(results, 0.90), medianOrNaN(encoder), medianOrNaN(predict), medianOrNaN(onnx),
                summarizeOracle(results), predict.isEmpty() ? Double.NaN : (double) calls / predict.size(),
                1 + (double) cropEncodes / results.size(), medianOrNaN(java));
    }

    /** mIoU after each click: index k-1 holds mIoU@k. A copy. */
    @Override
    public double[] miouPerClick() {
        return miouPerClick.clone();
    }

    /** mIoU after click k (1-based); empty when k is beyond max clicks. */
    public Optional<Double> miouAt(int k) {
        return k >= 1 && k <= miouPerClick.length ? Optional.of(miouPerClick[k - 1]) : Optional.empty();
    }

    /**
     * The JSON report: {@code images}, {@code miou} ("1","3","5"; null beyond max clicks), {@code noc85},
     * {@code noc90}, {@code failed90}, {@code encoder_ms_median}, {@code decoder_ms_median}, then details.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("images", images);
        Map<String, Object> miou = new LinkedHashMap<>();
        for (int k : new int[] {1, 3, 5}) {
            miou.put(Integer.toString(k), miouAt(k).orElse(null));
        }
        json.put("miou", miou);
        json.put("noc85", noc85);
        json.put("noc90", noc90);
        json.put("failed90", failed90);
        json.put("encoder_ms_median", finiteOrNull(encoderMsMedian));
        json.put("decoder_ms_median", finiteOrNull(decoderMsMedian));
        json.put("decoder_onnx_ms_median", finiteOrNull(decoderOnnxMsMedian));
        json.put("failed85", failed85);
        json.put("model", modelId);
        json.put("max_clicks", settings.maxClicks());
        json.put("mask_input", settings.maskInput());
        json.put("miou_per_click", miouPerClick.clone());
        json.put("levers", leversJson(settings.levers()));
        json.put("decoder_calls_per_click", finiteOrNull(decoderCallsPerClick));
        json.put("stop_at_90", settings.stopWhenReached());
        json.put("zoom_in", settings.zoomIn());
        json.put("encoder_calls_per_image", encoderCallsPerImage);
        json.put("java_ms_per_click_median", finiteOrNull(javaMsMedian));
        oracle.ifPresent(o -> {
            json.put("miou1_oracle", o.miou1Oracle());
            json.put("miou1_chosen", o.miou1Chosen());
            json.put("oracle_token_wins", keyedByString(o.bestTokenWins()));
            json.put("chosen_token_counts", keyedByString(o.chosenTokenCounts()));
            if (!o.miou1ByRule().isEmpty()) {
                Map<String, Double> byRule = new LinkedHashMap<>();
                o.miou1ByRule().forEach((rule, value) -> byRule.put(ruleName(rule), value));
                json.put("miou1_by_rule", byRule);
            }
        });
        return json;
    }

    /** A rule as written on the command line: lower case, '-' between words. */
    public static String ruleName(CandidateRule rule) {
        return rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Map<String, Object> leversJson(ClickLevers levers) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("choice", ruleName(levers.firstClickChoice()));
        json.put("multimask_all", levers.multimaskAll());
        json.put("cleanup", levers.cleanup());
        json.put("hole_cells", levers.holeCells());
        json.put("refine_pass", levers.refinePass());
        return json;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double meanNoc(List<ImageResult> results, double threshold) {
        return results.stream().mapToInt(r -> r.curve().numberOfClicks(threshold)).average().orElseThrow();
    }

    private static int countFailures(List<ImageResult> results, double threshold) {
        return (int) results.stream().filter(r -> !r.curve().reaches(threshold)).count();
    }

    private static double medianOrNaN(List<Double> values) {
        return values.isEmpty() ? Double.NaN : LatencyStats.of(values).median();
    }

    private static Optional<OracleSummary> summarizeOracle(List<ImageResult> results) {
        List<OracleFirstClick> oracles = results.stream().flatMap(r -> r.oracle().stream()).toList();
        if (oracles.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Integer> wins = new TreeMap<>();
        Map<Integer, Integer> chosen = new TreeMap<>();
        for (OracleFirstClick o : oracles) {
            wins.merge(o.bestTokenIndex(), 1, Integer::sum);
            chosen.merge(o.chosenTokenIndex(), 1, Integer::sum);
        }
        double best = oracles.stream().mapToDouble(OracleFirstClick::bestIou).average().orElseThrow();
        double chosenIou = oracles.stream().mapToDouble(OracleFirstClick::chosenIou).average().orElseThrow();
        Map<CandidateRule, Double> byRule = new java.util.EnumMap<>(CandidateRule.class);
        if (oracles.stream().allMatch(o -> o.iouByRule().size() == CandidateRule.values().length)) {
            for (CandidateRule rule : CandidateRule.values()) {
                byRule.put(rule, oracles.stream().mapToDouble(o -> o.iouByRule().get(rule)).average().orElseThrow());
            }
        }
        return Optional.of(new OracleSummary(best, chosenIou, wins, chosen, byRule));
    }

    private static Map<String, Integer> keyedByString(Map<Integer, Integer> counts) {
        Map<String, Integer> keyed = new LinkedHashMap<>();
        counts.forEach((token, count) -> keyed.put(Integer.toString(token), count));
        return keyed;
    }
}
