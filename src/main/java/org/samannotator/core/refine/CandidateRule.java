package org.samannotator.core.refine;

/**
 * How the mask shown after an ambiguous prompt (one point, no box) is chosen among the decoder's three
 * multimask candidates (tokens 1-3: subpart / part / whole). Ties go to the higher predicted IoU.
 */
public enum CandidateRule {
    /** The model's own pick: the highest predicted IoU (the export's {@code select_masks}). */
    MODEL_IOU,
    /**
     * The most stable candidate: IoU of its logits thresholded at +1 and at -1 (SAM's automatic mask
     * generator, {@code stability_score_offset = 1.0}), on the low-res logits inside the image.
     */
    STABILITY,
    /** The candidate agreeing most with the others: highest mean IoU with the other candidates (the medoid). */
    AGREEMENT,
    /** Area prior "a click means the whole object": the largest candidate. */
    LARGEST,
    /** The candidate whose boundary lies on the strongest image edges (mean gradient magnitude on its outline). */
    BOUNDARY,
    /**
     * SAM's two mask-quality measures together: predicted IoU times stability score (the automatic mask
     * generator keeps a mask only when both are high).
     */
    IOU_STABILITY,
    /**
     * {@link #IOU_STABILITY} with the figure-ground prior: a candidate touching all four image borders has no
     * ground around it (the "boundary prior" of salient-object detection: the image border is mostly
     * background), so it is passed over unless every candidate does.
     */
    FIGURE_GROUND;

    /** The rule named on a command line: case-insensitive, '-' or '_' between words. */
    public static CandidateRule parse(String text) {
        String name = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (CandidateRule rule : values()) {
            if (rule.name().equals(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown candidate rule '" + text + "'; expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
