package org.samannotator.core.sam;

import java.util.List;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.ProposedMask;
import org.samannotator.core.segment.Segmentation;
import org.samannotator.core.segment.Segmenter;

/**
 * The {@link Segmenter} of the annotation session backed by a {@link SamPredictor}: encodes with SAM's image
 * encoder and decodes with its prompt decoder. Proposals are the decoder's chosen mask first, then the other
 * mask tokens for an ambiguous (single point) prompt, whose full-size masks are upscaled on first use.
 */
public final class SamSegmenter implements Segmenter {
    private final SamPredictor predictor;

    public SamSegmenter(SamPredictor predictor) {
        this.predictor = predictor;
    }

    /** The predictor, for callers that need SAM specifics (benchmarks). */
    public SamPredictor predictor() {
        return predictor;
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
        Prediction prediction = predictor.predict(embedding, prompt);
        List<ProposedMask> proposals = prediction.allCandidates().stream().map(SamSegmenter::proposal).toList();
        return new Segmentation(proposals, prediction.decoderMillis());
    }

    private static ProposedMask proposal(MaskCandidate candidate) {
        return ProposedMask.deferred(candidate::mask, candidate.predictedIou(), candidate.lowRes(),
                candidate.tokenIndex());
    }

    @Override
    public void close() {
        predictor.close();
    }
}
