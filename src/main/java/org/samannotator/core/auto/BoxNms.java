package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * torchvision's {@code batched_nms}: boxes of different categories never suppress each other; within a
 * category, boxes are visited by descending score (a stable sort, so ties keep their input order) and a box
 * is dropped when its IoU with an already kept box is strictly greater than the threshold.
 */
public final class BoxNms {
    private BoxNms() {
    }

    /**
     * @return indices of the kept boxes, sorted by decreasing score (ties in input order), as
     *         torchvision returns them
     */
    public static int[] batched(List<MaskBox> boxes, double[] scores, int[] categories, double iouThreshold) {
        if (boxes.size() != scores.length || scores.length != categories.length) {
            throw new IllegalArgumentException("boxes, scores and categories differ in length");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            boolean suppressed = false;
            for (int k : kept) {
                if (categories[k] == categories[i] && boxes.get(k).iou(boxes.get(i)) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@link #batched} with every box in one category. */
    public static int[] single(List<MaskBox> boxes, double[] scores, double iouThreshold) {
        return batched(boxes, scores, new int[boxes.size()], iouThreshold);
    }
}
