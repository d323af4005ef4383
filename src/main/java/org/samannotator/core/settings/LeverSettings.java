package org.samannotator.core.settings;

import java.util.Objects;
import org.samannotator.core.refine.CandidateRule;
import org.samannotator.core.refine.ClickLevers;

/**
 * The per-click accuracy levers as the user switches them (see {@link ClickLevers}): each can be turned off,
 * the candidate choice by choosing {@link CandidateRule#MODEL_IOU} (the model's own pick).
 *
 * @param candidateRule          rule choosing the mask shown after a single click; {@link CandidateRule#BOUNDARY}
 *                               (which needs the image's pixels on the model thread) is not offered
 * @param multimaskAtLaterClicks at later clicks, also consider every mask token
 * @param cleanup                click-consistent cleanup of the shown mask
 * @param refinePass             a second decoder run with the first result as mask input
 */
public record LeverSettings(CandidateRule candidateRule, boolean multimaskAtLaterClicks, boolean cleanup,
        boolean refinePass) {
    public LeverSettings {
        Objects.requireNonNull(candidateRule, "candidateRule");
        if (candidateRule == CandidateRule.BOUNDARY) {
            throw new IllegalArgumentException("the boundary rule is not available in the app");
        }
    }

    /** The app's levers (the figure-ground choice only; see {@link ClickLevers#appDefaults()}). */
    public static LeverSettings defaults() {
        return from(ClickLevers.appDefaults());
    }

    public static LeverSettings from(ClickLevers levers) {
        return new LeverSettings(levers.firstClickChoice(), levers.multimaskAll(), levers.cleanup(), levers.refinePass());
    }

    public ClickLevers toClickLevers() {
        return new ClickLevers(candidateRule, multimaskAtLaterClicks, cleanup, ClickLevers.DEFAULT_HOLE_CELLS,
                refinePass);
    }
}
