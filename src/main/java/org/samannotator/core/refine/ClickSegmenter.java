package org.samannotator.core.refine;

import java.util.List;
import java.util.function.Supplier;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.PointMasks;
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
    private final Supplier<ClickLevers> levers;

    /** {@code levers} must not use {@link CandidateRule#BOUNDARY}, which needs the pixels of the image. */
    public ClickSegmenter(SamPredictor predictor, ClickLevers levers) {
        this(predictor, checked(levers));
    }

    /**
     * A segmenter asking {@code levers} at every decode (on the model thread), so changed settings apply from
     * the next click; a {@link CandidateRule#BOUNDARY} answer makes that decode fail with a message.
     */
    public ClickSegmenter(SamPredictor predictor, Supplier<ClickLevers> levers) {
        this.predictor = predictor;
        this.clicks = new ClickPredictor(predictor);
        this.levers = levers;
    }

    private static Supplier<ClickLevers> checked(ClickLevers levers) {
        if (levers.firstClickChoice() == CandidateRule.BOUNDARY) {
            throw new IllegalArgumentException("the boundary rule needs the image's pixels; choose another rule");
        }
        return () -> levers;
    }

    /** The levers the next decode uses. */
    public ClickLevers levers() {
        return levers.get();
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
    public EncodedImage encode(RgbImage copy, org.samannotator.core.geometry.Size originalSize) {
        return predictor.encode(copy, originalSize);
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
        ClickLevers now = levers.get();
        if (now.firstClickChoice() == CandidateRule.BOUNDARY) {
            throw new IllegalArgumentException("the boundary rule needs the image's pixels; choose another rule");
        }
        ClickResult result = clicks.predict(embedding, prompt, null, now);
        List<ProposedMask> proposals = result.candidates().stream().map(ClickSegmenter::proposal).toList();
        return new Segmentation(proposals, result.decoderMillis());
    }

    @Override
    public List<PointMasks> decodePoints(EncodedImage image, List<ImagePoint> points) {
        if (!(image instanceof ImageEmbedding embedding)) {
            throw new IllegalArgumentException("not an encoding of this segmenter: " + image);
        }
        return predictor.decodePoints(embedding, points, Math.max(1, points.size())).stream()
                .map(m -> new PointMasks(m.lowResLogits(), m.ious(), m.tokens())).toList();
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
