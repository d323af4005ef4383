package org.samannotator.core.auto;

import java.util.List;
import org.samannotator.core.mask.BitMask;

/**
 * How well two sets of generated masks of one image agree (e.g. stability score on upsampled vs low-res
 * logits, on the same decoder outputs): each mask of {@code reference} is matched to its best-IoU mask in
 * {@code other}.
 *
 * @param referenceCount masks in the reference set
 * @param otherCount     masks in the other set
 * @param matched        reference masks whose best IoU in the other set is at least {@link #MATCH_IOU}
 * @param meanBestIou    mean over reference masks of that best IoU (1 when the reference is empty)
 */
public record MaskSetAgreement(int referenceCount, int otherCount, int matched, double meanBestIou) {
    public static final double MATCH_IOU = 0.99;

    public static MaskSetAgreement of(List<GeneratedMask> reference, List<GeneratedMask> other) {
        List<BitMask> others = other.stream().map(m -> m.rle().toMask()).toList();
        int matched = 0;
        double sum = 0;
        for (GeneratedMask r : reference) {
            BitMask mask = r.rle().toMask();
            double best = 0;
            for (BitMask o : others) {
                best = Math.max(best, mask.iou(o));
            }
            sum += best;
            if (best >= MATCH_IOU) {
                matched++;
            }
        }
        return new MaskSetAgreement(reference.size(), other.size(), matched,
                reference.isEmpty() ? 1.0 : sum / reference.size());
    }
}
