package org.samannotator.core.auto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.samannotator.core.eval.GroundTruth;
import org.samannotator.core.eval.LatencyStats;

/**
 * Object-proposal recall of generated masks, as in the SAM paper's proposal evaluation: for each ground-truth
 * object the best IoU among all generated masks (ignored pixels, level 128, left out as in {@code eval}),
 * then the mean best IoU and the fraction of objects whose best IoU reaches 0.5 / 0.75 / 0.9.
 */
public final class ProposalRecall {
    /** The recall thresholds reported. */
    public static final double[] THRESHOLDS = {0.5, 0.75, 0.9};

    /** One image's figures. */
    public record ImageScore(String name, double bestIou, int masks, double seconds, int decoderCalls,
            double decoderSeconds) {
    }

    private ProposalRecall() {
    }

    /** The best IoU of any mask with the object; 0 when there is no mask. */
    public static double bestIou(GroundTruth truth, List<GeneratedMask> masks) {
        double best = 0;
        for (GeneratedMask m : masks) {
            if (!m.rle().size().equals(truth.size())) {
                throw new IllegalArgumentException("mask is " + m.rle().size() + " but the ground truth is " + truth.size());
            }
            best = Math.max(best, truth.iou(m.rle().toMask()));
        }
        return best;
    }

    /**
     * The summary JSON: {@code images}, {@code mean_best_iou}, {@code recall} {"0.5", "0.75", "0.9"},
     * {@code masks_per_image}, {@code seconds_per_image_median}, {@code decoder_calls_median}, plus
     * {@code decoder_seconds_per_image_median} and the settings.
     */
    public static Map<String, Object> summary(List<ImageScore> scores, AmgSettings settings, String modelId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelId);
        json.put("images", scores.size());
        json.put("mean_best_iou", scores.stream().mapToDouble(ImageScore::bestIou).average().orElse(0));
        Map<String, Object> recall = new LinkedHashMap<>();
        for (double t : THRESHOLDS) {
            long hits = scores.stream().filter(s -> s.bestIou() >= t).count();
            recall.put(String.format(Locale.ROOT, "%s", trim(t)), scores.isEmpty() ? 0.0 : (double) hits / scores.size());
        }
        json.put("recall", recall);
        json.put("masks_per_image", scores.stream().mapToInt(ImageScore::masks).average().orElse(0));
        json.put("seconds_per_image_median", median(scores.stream().mapToDouble(ImageScore::seconds).toArray()));
        json.put("decoder_calls_median", median(scores.stream().mapToDouble(ImageScore::decoderCalls).toArray()));
        json.put("decoder_seconds_per_image_median", median(scores.stream().mapToDouble(ImageScore::decoderSeconds).toArray()));
        json.put("settings", settings.toString());
        return json;
    }

    private static String trim(double t) {
        String s = Double.toString(t);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static double median(double[] values) {
        return values.length == 0 ? 0 : LatencyStats.percentile(values, 50);
    }
}
