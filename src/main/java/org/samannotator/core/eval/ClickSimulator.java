package org.samannotator.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.mask.BitMask;

/**
 * The simulated user of the standard interactive segmentation protocol (RITM / f-BRS, after Xu et al. 2016),
 * for one image and one ground-truth object. Each call to {@link #nextClick(BitMask)} looks at the current
 * prediction and:
 * <ol>
 * <li>computes the false negatives (object, not predicted) and false positives (predicted, background);
 *     ignored ground-truth pixels are in neither;</li>
 * <li>computes each error region's distance transform with a one-pixel background border (so errors on the
 *     image border are near their boundary) and its maximum over pixels not clicked before;</li>
 * <li>picks the region with the LARGER maximum distance, exactly as RITM's clicker compares
 *     {@code fn_max_dist > fp_max_dist} (not the larger area): on a tie the false positives win and the
 *     click is negative, as in RITM;</li>
 * <li>clicks that region's deepest pixel (first in row-major order on ties): positive for false negatives,
 *     negative for false positives.</li>
 * </ol>
 * The first click (empty prediction) is therefore a positive click at the object pixel farthest from the
 * object boundary. When no unclicked error pixel is left (the prediction is perfect up to ignored pixels),
 * no click is made. A pixel is never clicked twice.
 */
public final class ClickSimulator {
    private final GroundTruth groundTruth;
    private final BitMask clicked;
    private final List<SimulatedClick> clicks = new ArrayList<>();

    public ClickSimulator(GroundTruth groundTruth) {
        this.groundTruth = groundTruth;
        this.clicked = new BitMask(groundTruth.size());
    }

    /** The first click: the same as {@link #nextClick} with an empty prediction. */
    public Optional<SimulatedClick> firstClick() {
        return nextClick(new BitMask(groundTruth.size()));
    }

    /**
     * The next click for the given prediction (same size as the ground truth), recorded as clicked.
     * Empty when the prediction has no unclicked error pixel left.
     */
    public Optional<SimulatedClick> nextClick(BitMask prediction) {
        if (!prediction.size().equals(groundTruth.size())) {
            throw new IllegalArgumentException("prediction is " + prediction.size() + " but the ground truth is "
                    + groundTruth.size());
        }
        Optional<DeepestPixel> missed = DeepestPixel.of(groundTruth.falseNegatives(prediction), clicked);
        Optional<DeepestPixel> extra = DeepestPixel.of(groundTruth.falsePositives(prediction), clicked);
        int missedDepth = missed.map(DeepestPixel::squaredDistance).orElse(0);
        int extraDepth = extra.map(DeepestPixel::squaredDistance).orElse(0);
        if (missed.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        boolean positive = missedDepth > extraDepth;
        DeepestPixel target = positive ? missed.get() : extra.get();
        SimulatedClick click = new SimulatedClick(target.x(), target.y(), positive, target.distance());
        clicked.set(target.x(), target.y());
        clicks.add(click);
        return Optional.of(click);
    }

    /** All clicks made so far, in order. */
    public List<SimulatedClick> clicks() {
        return List.copyOf(clicks);
    }
}
