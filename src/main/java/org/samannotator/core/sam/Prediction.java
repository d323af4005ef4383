package org.samannotator.core.sam;

import java.util.List;

/**
 * The result of one decoder run. {@code chosen} is the model's own pick (its {@code masks} output);
 * {@code alternatives} are the other mask tokens (whole / part / subpart), empty when the decoder does not
 * expose them; their full-size masks are computed when first used ({@link MaskCandidate#ofLogits}).
 * {@code decoderMillis} is the ONNX run, {@code postprocessMillis} our post-processing of the chosen mask.
 */
public record Prediction(MaskCandidate chosen, List<MaskCandidate> alternatives, double decoderMillis,
        double postprocessMillis) {
    public Prediction {
        alternatives = List.copyOf(alternatives);
    }

    /** The chosen mask followed by the alternatives, for cycling through them (Tab in the app). */
    public List<MaskCandidate> allCandidates() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(chosen), alternatives.stream()).toList();
    }
}
