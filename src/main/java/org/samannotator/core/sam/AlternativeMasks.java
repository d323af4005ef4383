package org.samannotator.core.sam;

import org.samannotator.core.prompt.Prompt;

/** When {@link SamPredictor#predict} also post-processes the other mask tokens (whole / part / subpart). */
public enum AlternativeMasks {
    /** Never: only the model's chosen mask. */
    NEVER,
    /** Only for an ambiguous prompt: a single point and no box (the paper's multimask case). */
    WHEN_AMBIGUOUS,
    /** Always, when the decoder exposes the four tokens. */
    ALWAYS;

    boolean appliesTo(Prompt prompt) {
        return switch (this) {
            case NEVER -> false;
            case ALWAYS -> true;
            case WHEN_AMBIGUOUS -> prompt.points().size() == 1 && prompt.box().isEmpty();
        };
    }
}
