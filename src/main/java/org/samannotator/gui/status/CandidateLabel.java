package org.samannotator.gui.status;

import java.util.List;
import org.samannotator.core.annotation.Candidate;
import org.samannotator.core.segment.ProposedMask;

/** The status-bar text describing a candidate: "Decoding...", "Mask 2/3 · IoU 0.91 (Tab)", "Painted mask". */
final class CandidateLabel {
    private CandidateLabel() {
    }

    static String describe(Candidate c) {
        if (c.isDecodePending()) {
            return "Decoding...";
        }
        List<ProposedMask> all = c.alternatives();
        if (all.isEmpty()) {
            return c.targetObjectId().isPresent() ? "Editing object (Enter to save)" : "Painted mask";
        }
        String iou = String.format("IoU %.2f", Math.min(1f, c.chosen().orElseThrow().predictedIou()));
        return all.size() > 1 ? "Mask " + (c.chosenIndex() + 1) + "/" + all.size() + " \u00b7 " + iou + " (Tab)" : iou;
    }
}
