package org.samannotator.core.refine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.AlternativeMasks;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * The one entry point per click for the app and {@code eval}: runs the decoder for the prompt and applies the
 * {@link ClickLevers} on top, in this order:
 * <ol>
 * <li>decode (all four tokens when {@link ClickLevers#multimaskAll()});</li>
 * <li>choose: for an ambiguous prompt (one point, no box) by {@link ClickLevers#firstClickChoice()} among the
 *     three multimask candidates; for any other prompt, with {@code multimaskAll}, the token consistent with
 *     the most clicks (on a tie the model's own pick, then the highest predicted IoU); otherwise the model's
 *     own pick;</li>
 * <li>with {@link ClickLevers#refinePass()}: decode again, same prompt, the chosen low-res logits as mask
 *     input, and keep the same token;</li>
 * <li>with {@link ClickLevers#cleanup()}: {@link ClickConsistentCleanup} of the shown mask (the low-res
 *     logits fed back next time stay the model's).</li>
 * </ol>
 * With {@link ClickLevers#plain()} the result is exactly {@link SamPredictor#predict(ImageEmbedding, Prompt)}.
 * Thread-safe when the {@link SamPredictor} is (it is).
 */
public final class ClickPredictor {
    private final SamPredictor predictor;
    private RgbImage gradientImage;
    private ImageGradient gradient;

    public ClickPredictor(SamPredictor predictor) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
    }

    /**
     * Predicts the mask to show for one click.
     *
     * @param embedding the image's embedding
     * @param prompt    every click so far and the box, in original pixels, with the previous click's
     *                  {@code shown().lowRes()} as previous mask (or none on the first click)
     * @param image     the image's pixels at original size (display orientation, the frame of the prompts);
     *                  read only by {@link CandidateRule#BOUNDARY}, may be null for the other rules
     * @param levers    which levers to apply
     */
    public ClickResult predict(ImageEmbedding embedding, Prompt prompt, RgbImage image, ClickLevers levers) {
        SamTransform transform = embedding.transform();
        Prediction first = predictor.predict(embedding, prompt,
                levers.multimaskAll() ? AlternativeMasks.ALWAYS : AlternativeMasks.WHEN_AMBIGUOUS);
        int calls = 1;
        double onnxMillis = first.decoderMillis();
        MaskCandidate chosen = choose(first, prompt, image, levers, transform);
        if (levers.refinePass()) {
            Prediction second = predictor.predict(embedding, prompt.withPreviousMask(chosen.lowRes()),
                    AlternativeMasks.ALWAYS);
            calls++;
            onnxMillis += second.decoderMillis();
            chosen = sameToken(second, chosen.tokenIndex());
        }
        if (levers.isPlain()) {
            return new ClickResult(first.chosen(), first.allCandidates(), calls, onnxMillis);
        }
        return new ClickResult(cleaned(chosen, prompt, levers, transform),
                tabOrder(chosen, first, prompt, levers, transform), calls, onnxMillis);
    }

    private MaskCandidate choose(Prediction first, Prompt prompt, RgbImage image, ClickLevers levers,
            SamTransform transform) {
        List<MaskCandidate> all = first.allCandidates();
        if (all.size() < 2) {
            return first.chosen();
        }
        boolean ambiguous = prompt.points().size() == 1 && prompt.box().isEmpty();
        if (ambiguous && levers.firstClickChoice() != CandidateRule.MODEL_IOU) {
            return CandidateChooser.byRule(all, levers.firstClickChoice(), transform, () -> gradientOf(image));
        }
        if (!ambiguous && levers.multimaskAll() && !prompt.points().isEmpty()) {
            return CandidateChooser.byClickConsistency(all, first.chosen(), prompt.points(), transform);
        }
        return first.chosen();
    }

    /**
     * The candidate {@code rule} picks among {@code candidates} (e.g. a first click's {@link Prediction#allCandidates()}),
     * for reports comparing rules on the same decode; {@code image} as in {@link #predict}.
     */
    public MaskCandidate chooseByRule(List<MaskCandidate> candidates, CandidateRule rule, SamTransform transform,
            RgbImage image) {
        return CandidateChooser.byRule(candidates, rule, transform, () -> gradientOf(image));
    }

    private static MaskCandidate sameToken(Prediction prediction, int token) {
        return prediction.allCandidates().stream().filter(c -> c.tokenIndex() == token).findFirst()
                .orElse(prediction.chosen());
    }

    /** The shown candidate first, then the first decode's other tokens, each cleaned like the shown one. */
    private static List<MaskCandidate> tabOrder(MaskCandidate chosen, Prediction first, Prompt prompt,
            ClickLevers levers, SamTransform transform) {
        List<MaskCandidate> order = new ArrayList<>();
        order.add(cleaned(chosen, prompt, levers, transform));
        for (MaskCandidate other : first.allCandidates()) {
            if (other.tokenIndex() != chosen.tokenIndex()) {
                order.add(levers.cleanup() ? MaskCandidate.deferred(transform.original(), () -> cleanMask(other.mask(), prompt, levers,
                        transform), other.predictedIou(), other.lowRes(), other.tokenIndex()) : other);
            }
        }
        return order;
    }

    private static MaskCandidate cleaned(MaskCandidate candidate, Prompt prompt, ClickLevers levers,
            SamTransform transform) {
        if (!levers.cleanup()) {
            return candidate;
        }
        return new MaskCandidate(cleanMask(candidate.mask(), prompt, levers, transform), candidate.predictedIou(),
                candidate.lowRes(), candidate.tokenIndex());
    }

    private static BitMask cleanMask(BitMask mask, Prompt prompt, ClickLevers levers, SamTransform transform) {
        long holeArea = ClickConsistentCleanup.holeAreaFor(transform.original(), levers.holeCells());
        return ClickConsistentCleanup.clean(mask, prompt.points(), holeArea);
    }

    private synchronized ImageGradient gradientOf(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("the boundary rule needs the image's pixels; none were given");
        }
        if (image != gradientImage) {
            gradient = ImageGradient.of(image);
            gradientImage = image;
        }
        return gradient;
    }
}
