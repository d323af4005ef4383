package org.samannotator.core.sam;

import java.util.Objects;
import java.util.function.Supplier;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/**
 * One mask the decoder proposes: the binary mask at original image size, the model's predicted IoU, its
 * low-res logits (feed back as the next prompt's previous mask) and the decoder's mask token index (0-3,
 * or -1 when unknown). Alternatives are created {@linkplain #lazy lazily}: their full-size mask is only
 * computed (once, thread-safely) when {@link #mask()} is first called, so a click does not pay for
 * upscaling masks nobody looks at.
 */
public final class MaskCandidate {
    private final float predictedIou;
    private final LowResMask lowRes;
    private final int tokenIndex;
    private Supplier<BitMask> pending;
    private BitMask mask;

    public MaskCandidate(BitMask mask, float predictedIou, LowResMask lowRes, int tokenIndex) {
        this.mask = Objects.requireNonNull(mask);
        this.predictedIou = predictedIou;
        this.lowRes = lowRes;
        this.tokenIndex = tokenIndex;
    }

    private MaskCandidate(Supplier<BitMask> pending, float predictedIou, LowResMask lowRes, int tokenIndex) {
        this.pending = pending;
        this.predictedIou = predictedIou;
        this.lowRes = lowRes;
        this.tokenIndex = tokenIndex;
    }

    /** A candidate whose mask is computed by {@code maskSupplier} on first use. */
    public static MaskCandidate lazy(Supplier<BitMask> maskSupplier, float predictedIou, LowResMask lowRes, int tokenIndex) {
        return new MaskCandidate(Objects.requireNonNull(maskSupplier), predictedIou, lowRes, tokenIndex);
    }

    /** The mask at original image size (computed now if this candidate was created lazily). */
    public synchronized BitMask mask() {
        if (mask == null) {
            mask = pending.get();
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

    public int tokenIndex() {
        return tokenIndex;
    }

    @Override
    public String toString() {
        return "MaskCandidate[token=" + tokenIndex + ", predictedIou=" + predictedIou + "]";
    }
}
