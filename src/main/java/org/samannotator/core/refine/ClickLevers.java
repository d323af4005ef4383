package org.samannotator.core.refine;

import java.util.Objects;

/**
 * Which per-click accuracy levers {@link ClickPredictor} applies on top of the decoder (all off = the
 * standard protocol, {@link #plain()}).
 *
 * @param firstClickChoice rule choosing among the three candidates of an ambiguous prompt (one point, no box)
 * @param multimaskAll     at later prompts also consider all four mask tokens and keep the one consistent with
 *                         the most clicks (positives inside, negatives outside); ties keep the model's pick
 * @param cleanup          click-consistent cleanup of the shown mask: drop components without a positive click,
 *                         fill small holes without a negative click, force each click's pixel
 * @param holeCells        holes smaller than this many image-embedding cells are filled by the cleanup; one
 *                         cell is (longest side / 64)^2 original pixels, the encoder's resolution
 * @param refinePass       decode a second time with the first result's low-res logits as mask input (same
 *                         prompts), keeping the same mask token
 */
public record ClickLevers(CandidateRule firstClickChoice, boolean multimaskAll, boolean cleanup, double holeCells,
        boolean refinePass) {
    /** Default hole bound of the cleanup: one embedding cell (see {@link ClickConsistentCleanup}). */
    public static final double DEFAULT_HOLE_CELLS = 1.0;

    public ClickLevers {
        Objects.requireNonNull(firstClickChoice, "firstClickChoice");
        if (!(holeCells >= 0) || Double.isInfinite(holeCells)) {
            throw new IllegalArgumentException("hole size must be a finite number of cells >= 0, got " + holeCells);
        }
    }

    /** Every lever off: exactly the decoder's own masks, as the standard protocol and published figures. */
    public static ClickLevers plain() {
        return new ClickLevers(CandidateRule.MODEL_IOU, false, false, DEFAULT_HOLE_CELLS, false);
    }

    /**
     * The winning combination of the ablation in BENCHMARKS.md, the defaults of the app and of {@code eval}:
     * the figure-ground candidate rule after the first click and the click-consistent cleanup (one decoder call
     * per click, as plain). The multimask-at-later-clicks and refinement-pass levers lost and stay off.
     */
    public static ClickLevers defaults() {
        return new ClickLevers(CandidateRule.FIGURE_GROUND, false, true, DEFAULT_HOLE_CELLS, false);
    }

    /**
     * The app's levers when the user has not changed them: the figure-ground choice after the first click, without
     * the click-consistent cleanup, which costs about 100 ms per click on a 12-megapixel image (BENCHMARKS.md).
     */
    public static ClickLevers appDefaults() {
        return new ClickLevers(defaults().firstClickChoice(), false, false, DEFAULT_HOLE_CELLS, false);
    }

    /** True when every lever is off. */
    public boolean isPlain() {
        return firstClickChoice == CandidateRule.MODEL_IOU && !multimaskAll && !cleanup && !refinePass;
    }

    /** Decoder runs per click these levers need (the refinement pass adds one). */
    public int decoderCallsPerClick() {
        return refinePass ? 2 : 1;
    }
}
