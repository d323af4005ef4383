package org.samannotator.core.eval;

import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * A ground-truth object mask with an "ignore" region, as the interactive segmentation benchmarks store it
 * in an 8-bit mask image: gray level {@code > 128} is the object, exactly {@code 128} is ignored (GrabCut's
 * unknown band along the outline), {@code < 128} is background. This matches RITM's GrabCut/Berkeley loader
 * ({@code mask == 128 -> ignore, mask > 128 -> object}). Ignored pixels count neither as object nor as
 * background: they never produce errors, clicks, or IoU terms.
 */
public final class GroundTruth {
    /** The gray level meaning "ignore this pixel". */
    public static final int IGNORE_LEVEL = 128;

    private final BitMask object;
    private final BitMask ignore;

    /**
     * @param object the object pixels; any pixel also in {@code ignore} is treated as ignored
     * @param ignore the ignored pixels, same size
     */
    public GroundTruth(BitMask object, BitMask ignore) {
        if (!object.size().equals(ignore.size())) {
            throw new IllegalArgumentException("mask sizes differ: " + object.size() + " vs " + ignore.size());
        }
        this.object = object.copy();
        this.object.andNot(ignore);
        this.ignore = ignore.copy();
    }

    /** From gray levels 0-255, row-major ({@code index = y * width + x}). */
    public static GroundTruth fromGrayLevels(Size size, int[] levels) {
        if (levels.length != size.area()) {
            throw new IllegalArgumentException("expected " + size.area() + " gray levels, got " + levels.length);
        }
        BitMask object = new BitMask(size);
        BitMask ignore = new BitMask(size);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > IGNORE_LEVEL) {
                object.setIndex(i, true);
            } else if (levels[i] == IGNORE_LEVEL) {
                ignore.setIndex(i, true);
            }
        }
        return new GroundTruth(object, ignore);
    }

    public Size size() {
        return object.size();
    }

    /** A copy of the object pixels (ignored pixels excluded). */
    public BitMask object() {
        return object.copy();
    }

    /** A copy of the ignored pixels. */
    public BitMask ignore() {
        return ignore.copy();
    }

    /**
     * IoU of a prediction with the object, leaving out ignored pixels:
     * |pred ∩ object| / |(pred ∪ object) \ ignore|; 1.0 when that union is empty.
     */
    public double iou(BitMask prediction) {
        long intersection = prediction.intersectionArea(object);
        long union = prediction.unionArea(object) - prediction.intersectionArea(ignore);
        return union == 0 ? 1.0 : (double) intersection / union;
    }

    /** Object pixels the prediction misses (ignored pixels excluded). */
    public BitMask falseNegatives(BitMask prediction) {
        BitMask missed = object.copy();
        missed.andNot(prediction);
        return missed;
    }

    /** Predicted pixels that are background (ignored pixels excluded). */
    public BitMask falsePositives(BitMask prediction) {
        BitMask extra = prediction.copy();
        extra.andNot(object);
        extra.andNot(ignore);
        return extra;
    }
}
