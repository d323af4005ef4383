package org.samannotator.core.eval;

import java.util.Arrays;

/**
 * IoU with the ground truth after each click of one image: {@code iouAfterClick(k)} for k = 1..{@link
 * #maxClicks()}. Clicking continues after the target is reached, so every image has a value for every k.
 */
public record IouCurve(double[] ious) {
    public IouCurve {
        if (ious.length == 0) {
            throw new IllegalArgumentException("an IoU curve needs at least one click");
        }
        ious = ious.clone();
    }

    public int maxClicks() {
        return ious.length;
    }

    /** IoU after click k, 1-based. */
    public double iouAfterClick(int k) {
        if (k < 1 || k > ious.length) {
            throw new IllegalArgumentException("click " + k + " is outside 1.." + ious.length);
        }
        return ious[k - 1];
    }

    /**
     * Number of clicks: the first k with IoU >= threshold, or {@link #maxClicks()} when it is never reached
     * (RITM's convention).
     */
    public int numberOfClicks(double threshold) {
        for (int k = 1; k <= ious.length; k++) {
            if (ious[k - 1] >= threshold) {
                return k;
            }
        }
        return ious.length;
    }

    /** True when some click reached IoU >= threshold. */
    public boolean reaches(double threshold) {
        return Arrays.stream(ious).anyMatch(iou -> iou >= threshold);
    }

    @Override
    public double[] ious() {
        return ious.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IouCurve other && Arrays.equals(ious, other.ious);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ious);
    }

    @Override
    public String toString() {
        return "IouCurve" + Arrays.toString(ious);
    }
}
