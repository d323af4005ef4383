package org.samannotator.core.refine;

import java.util.List;
import org.samannotator.core.sam.MaskCandidate;

/**
 * What {@link ClickPredictor#predict} returns for one click.
 *
 * @param shown         the mask to show (after every lever), with the predicted IoU and token of the candidate
 *                      it came from, and the low-res logits to feed back as the next click's previous mask
 * @param candidates    for cycling (Tab): {@code shown} first, then the model's other candidates of this click
 *                      (cleaned like {@code shown} when the cleanup is on; their masks are computed on first use)
 * @param decoderCalls  decoder runs this click took
 * @param decoderMillis their ONNX run time summed, in milliseconds
 */
public record ClickResult(MaskCandidate shown, List<MaskCandidate> candidates, int decoderCalls,
        double decoderMillis) {
    public ClickResult {
        candidates = List.copyOf(candidates);
    }
}
