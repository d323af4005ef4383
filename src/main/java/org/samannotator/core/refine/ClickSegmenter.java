package org.samannotator.core.refine;

import java.util.List;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.ProposedMask;
import org.samannotator.core.segment.Segmentation;
import org.samannotator.core.segment.Segmenter;

/**
 * The app's {@link Segmenter}: SAM's encoder and decoder with the per-click levers of {@link ClickPredictor}
 * (by default the winning combination of the ablation in BENCHMARKS.md; {@link ClickLevers#plain()} gives
 * the model's own pick). Proposals are the mask to show first, then the other candidates for Tab; the full
 * masks of the alternatives are upscaled on first use.
 */
public final class ClickSegmenter implements Segmenter {
    private final SamPredictor predictor;
    private final ClickPredictor clicks;
    private final ClickLevers levers;

    /** {@code levers} must not use {@link CandidateRule#BOUNDARY}, which needs the pixels of the image. */
    public ClickSegmenter(SamPredictor predictor, ClickLevers levers) {
        if (levers.firstClickChoice() == CandidateRule.BOUNDARY) {
            throw new IllegalArgumentException("the boundary rule needs the image's pixels; choose another rule");
        }
        this.predictor = predictor;
        this.clicks = new ClickPredictor(predictor);
        this.levers = levers;
    }

    public ClickLevers levers() {
        return levers;
    }

    @Override
    public String modelId() {
        return predictor.modelId();
    }

    @Override
    public EncodedImage encode(RgbImage image) {
        return predictor.encode(image);
    }

    @Override
    public EncodedImage restore(EmbeddingData data) {
        return ImageEmbedding.fromData(data);
    }

    @Override
    public Segmentation decode(EncodedImage image, Prompt prompt) {
        if (!(image instanceof ImageEmbedding embedding)) {
            throw new IllegalArgumentException("not an encoding of this segmenter: " + image);
        }
        ClickResult result = clicks.predict(embedding, prompt, null, levers);
        List<ProposedMask> proposals = result.candidates().stream().map(ClickSegmenter::proposal).toList();
        return new Segmentation(proposals, result.decoderMillis());
    }

    private static ProposedMask proposal(MaskCandidate candidate) {
        return ProposedMask.of(candidate.view(), candidate.predictedIou(), candidate.lowRes(),
                candidate.tokenIndex());
    }

    @Override
    public void close() {
        predictor.close();
    }
}
