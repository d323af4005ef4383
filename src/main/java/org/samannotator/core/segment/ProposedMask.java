package org.samannotator.core.segment;

import java.util.Objects;
import java.util.function.Supplier;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/**
 * A mask the model proposes for a prompt: the binary mask at ORIGINAL image size (computed on first use,
 * once, thread-safely: upscaling to 12 megapixels takes tens of milliseconds and most alternatives are never
 * shown), the predicted IoU, and the low-res logits (float32 [256*256], model frame / 4) to feed back as the
 * next prompt's previous mask. {@code level} is the model's mask token (0 = the multi-click token, 1-3 =
 * whole / part / subpart), or -1 when unknown.
 */
public final class ProposedMask {
    private final float predictedIou;
    private final LowResMask lowRes;
    private final int level;
    private Supplier<BitMask> pending;
    private BitMask mask;

    private ProposedMask(Supplier<BitMask> pending, BitMask mask, float predictedIou, LowResMask lowRes, int level) {
        this.pending = pending;
        this.mask = mask;
        this.predictedIou = predictedIou;
        this.lowRes = Objects.requireNonNull(lowRes, "lowRes");
        this.level = level;
    }

    /** A proposal whose mask is already computed. */
    public static ProposedMask of(BitMask mask, float predictedIou, LowResMask lowRes, int level) {
        return new ProposedMask(null, Objects.requireNonNull(mask, "mask"), predictedIou, lowRes, level);
    }

    /** A proposal whose mask {@code mask.get()} computes when first asked for. */
    public static ProposedMask deferred(Supplier<BitMask> mask, float predictedIou, LowResMask lowRes, int level) {
        return new ProposedMask(Objects.requireNonNull(mask, "mask"), null, predictedIou, lowRes, level);
    }

    /** The binary mask at original image size (computed now if deferred). Do not modify it. */
    public synchronized BitMask mask() {
        if (mask == null) {
            mask = Objects.requireNonNull(pending.get(), "deferred mask");
            pending = null;
        }
        return mask;
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
