package org.samannotator.core.segment;

import java.util.List;

/**
 * The result of decoding one prompt: {@code proposals} has the mask to show first (the model's pick, or the
 * click-quality rules' pick), then the alternatives; never empty. {@code decoderMillis} is the time of the
 * model run(s) alone, without our post-processing.
 */
public record Segmentation(List<ProposedMask> proposals, double decoderMillis) {
    public Segmentation {
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("a segmentation has at least one proposed mask");
        }
    }

    public ProposedMask first() {
        return proposals.get(0);
    }
}
