package org.samannotator.core.refine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.MaskUpscaler;

/** Chooses among a decoder run's candidates: by a {@link CandidateRule}, or by consistency with the clicks. */
final class CandidateChooser {
    /** Far above any predicted IoU times stability (both about 1 at most): ranks a candidate last. */
    private static final double BORDER_PENALTY = 10;

    private CandidateChooser() {
    }

    /**
     * The candidate with the highest score under {@code rule}; ties (and {@link CandidateRule#MODEL_IOU}) go to
     * the higher predicted IoU, then to the earlier candidate. {@code gradient} is asked for only by
     * {@link CandidateRule#BOUNDARY}.
     */
    static MaskCandidate byRule(List<MaskCandidate> candidates, CandidateRule rule, SamTransform transform,
            Supplier<ImageGradient> gradient) {
        LowResScores scores = new LowResScores(transform);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            MaskCandidate c = candidates.get(i);
            values.add(switch (rule) {
                case MODEL_IOU -> (double) c.predictedIou();
                case STABILITY -> scores.stability(c.lowRes());
                case AGREEMENT -> scores.agreement(candidates.stream().map(MaskCandidate::lowRes).toList(), i);
                case LARGEST -> (double) scores.area(c.lowRes());
                case BOUNDARY -> gradient.get().meanOnOutline(c.mask());
                case IOU_STABILITY -> c.predictedIou() * scores.stability(c.lowRes());
                case FIGURE_GROUND -> c.predictedIou() * scores.stability(c.lowRes())
                        - (scores.touchesAllBorders(c.lowRes()) ? BORDER_PENALTY : 0);
            });
        }
        return best(candidates, values);
    }

    /**
     * The candidate consistent with the most clicks (positive clicks on the mask, negative ones off it); on a
     * tie the model's own pick {@code modelChoice} when it is among the most consistent, else the higher
     * predicted IoU, then the earlier candidate. Each click is checked with {@link MaskUpscaler#logitAt},
     * without upscaling whole masks.
     */
    static MaskCandidate byClickConsistency(List<MaskCandidate> candidates, MaskCandidate modelChoice,
            List<PromptPoint> clicks, SamTransform transform) {
        List<Double> values = new ArrayList<>();
        for (MaskCandidate c : candidates) {
            values.add((double) consistentClicks(c, clicks, transform));
        }
        MaskCandidate best = best(candidates, values);
        int modelIndex = candidates.indexOf(modelChoice);
        boolean modelTies = modelIndex >= 0 && values.get(modelIndex).equals(values.get(candidates.indexOf(best)));
        return modelTies ? modelChoice : best;
    }

    /** How many clicks the candidate's upscaled mask agrees with. */
    static int consistentClicks(MaskCandidate candidate, List<PromptPoint> clicks, SamTransform transform) {
        int count = 0;
        for (PromptPoint click : clicks) {
            int[] pixel = ClickConsistentCleanup.pixelOf(click, transform.original());
            boolean inside = MaskUpscaler.logitAt(candidate.lowRes(), transform, pixel[0], pixel[1]) > 0f;
            if (inside == (click.label() == PointLabel.FOREGROUND)) {
                count++;
            }
        }
        return count;
    }

    private static MaskCandidate best(List<MaskCandidate> candidates, List<Double> values) {
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(values::get)
                .thenComparingDouble(i -> candidates.get(i).predictedIou());
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (order.compare(i, best) > 0) {
                best = i;
            }
        }
        return candidates.get(best);
    }
}
