package org.samannotator.core.segment;

import java.util.Objects;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.LowResMask;

/**
 * A mask the model proposes for a prompt: the mask at ORIGINAL image size as a {@link MaskView} (the
 * canvas samples the visible part at screen resolution; the full mask, tens of milliseconds for 12
 * megapixels, is computed on first use, once, thread-safely), the predicted IoU, and the low-res logits
 * (float32 [256*256], model frame / 4) to feed back as the next prompt's previous mask. {@code level} is the
 * model's mask token (0 = the multi-click token, 1-3 = whole / part / subpart), or -1 when unknown.
 */
public final class ProposedMask {
    private final MaskView view;
    private final float predictedIou;
    private final LowResMask lowRes;
    private final int level;

    private ProposedMask(MaskView view, float predictedIou, LowResMask lowRes, int level) {
        this.view = Objects.requireNonNull(view, "view");
        this.predictedIou = predictedIou;
        this.lowRes = Objects.requireNonNull(lowRes, "lowRes");
        this.level = level;
    }

    /** A proposal whose mask is already computed. */
    public static ProposedMask of(BitMask mask, float predictedIou, LowResMask lowRes, int level) {
        return new ProposedMask(MaskView.of(mask), predictedIou, lowRes, level);
    }

    /** A proposal whose mask is seen through {@code view} and computed by it when first asked for. */
    public static ProposedMask of(MaskView view, float predictedIou, LowResMask lowRes, int level) {
        return new ProposedMask(view, predictedIou, lowRes, level);
    }

    /** The binary mask at original image size (computed now if needed). Do not modify it. */
    public BitMask mask() {
        return view.mask();
    }

    /** The mask as a view that can be sampled without computing it whole. */
    public MaskView view() {
        return view;
    }

    public float predictedIou() {
        return predictedIou;
    }

    public LowResMask lowRes() {
        return lowRes;
    }

    public int level() {
        return level;
    }

    @Override
    public String toString() {
        return "ProposedMask[level=" + level + ", predictedIou=" + predictedIou + "]";
    }
}
