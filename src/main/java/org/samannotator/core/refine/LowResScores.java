package org.samannotator.core.refine;

import java.util.List;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.prompt.LowResMask;

/**
 * Scores of candidates computed on their low-res logits (float32 [256*256], row-major, model frame / 4),
 * restricted to the cells that cover the image: the top-left ceil(resized width / 4) x ceil(resized height /
 * 4) cells (the rest is the encoder's zero padding).
 */
final class LowResScores {
    /** SAM's automatic mask generator's {@code stability_score_offset}. */
    static final float STABILITY_OFFSET = 1.0f;

    private final int columns;
    private final int rows;

    LowResScores(SamTransform transform) {
        this.columns = Math.min(LowResMask.SIZE, (transform.resized().width() + 3) / 4);
        this.rows = Math.min(LowResMask.SIZE, (transform.resized().height() + 3) / 4);
    }

    /** Cells with logit &gt; +offset over cells with logit &gt; -offset (1 for an empty mask, as SAM's 0/0 guard). */
    double stability(LowResMask mask) {
        long inner = countAbove(mask.logits(), STABILITY_OFFSET);
        long outer = countAbove(mask.logits(), -STABILITY_OFFSET);
        return outer == 0 ? 1.0 : (double) inner / outer;
    }

    /**
     * Whether the mask (logit &gt; 0) reaches all four edges of the image's cells: the first and last covered
     * row and column.
     */
    boolean touchesAllBorders(LowResMask mask) {
        float[] l = mask.logits();
        boolean top = false;
        boolean bottom = false;
        boolean left = false;
        boolean right = false;
        int last = (rows - 1) * LowResMask.SIZE;
        for (int x = 0; x < columns; x++) {
            top |= l[x] > 0f;
            bottom |= l[last + x] > 0f;
        }
        for (int y = 0; y < rows; y++) {
            left |= l[y * LowResMask.SIZE] > 0f;
            right |= l[y * LowResMask.SIZE + columns - 1] > 0f;
        }
        return top && bottom && left && right;
    }

    /** Cells with logit &gt; 0. */
    long area(LowResMask mask) {
        return countAbove(mask.logits(), 0f);
    }

    /** Mean IoU (logits &gt; 0) of candidate {@code index} with every other candidate; 0 when alone. */
    double agreement(List<LowResMask> masks, int index) {
        if (masks.size() < 2) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < masks.size(); j++) {
            if (j != index) {
                sum += iou(masks.get(index).logits(), masks.get(j).logits());
            }
        }
        return sum / (masks.size() - 1);
    }

    private double iou(float[] a, float[] b) {
        long intersection = 0;
        long union = 0;
        for (int y = 0; y < rows; y++) {
            int base = y * LowResMask.SIZE;
            for (int x = 0; x < columns; x++) {
                boolean inA = a[base + x] > 0f;
                boolean inB = b[base + x] > 0f;
                intersection += inA && inB ? 1 : 0;
                union += inA || inB ? 1 : 0;
            }
        }
        return union == 0 ? 0 : (double) intersection / union;
    }

    private long countAbove(float[] logits, float threshold) {
        long count = 0;
        for (int y = 0; y < rows; y++) {
            int base = y * LowResMask.SIZE;
            for (int x = 0; x < columns; x++) {
                if (logits[base + x] > threshold) {
                    count++;
                }
            }
        }
        return count;
    }
}
