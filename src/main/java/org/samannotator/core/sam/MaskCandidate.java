package org.samannotator.core.sam;

import java.util.Objects;
import java.util.function.Supplier;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.prompt.LowResMask;

/**
 * One mask the decoder proposes: the binary mask at original image size, the model's predicted IoU, its
 * low-res logits (feed back as the next prompt's previous mask) and the decoder's mask token index (0-3).
 *
 * <p>The mask of a {@link #deferred} candidate is computed on first use (once, thread-safely): upscaling to
 * a 12-megapixel original takes tens of milliseconds, and the alternatives of a click are usually never
 * shown. Equality compares the mask (computing it), the IoU, the logits and the token.
 */
public final class MaskCandidate {
    private final float predictedIou;
    private final LowResMask lowRes;
    private final int tokenIndex;
    private final MaskView view;

    public MaskCandidate(BitMask mask, float predictedIou, LowResMask lowRes, int tokenIndex) {
        this(MaskView.of(Objects.requireNonNull(mask, "mask")), predictedIou, lowRes, tokenIndex);
    }

    private MaskCandidate(MaskView view, float predictedIou, LowResMask lowRes, int tokenIndex) {
        this.view = view;
        this.predictedIou = predictedIou;
        this.lowRes = Objects.requireNonNull(lowRes, "lowRes");
        this.tokenIndex = tokenIndex;
    }

    /** A candidate whose mask {@code mask.get()} computes when first asked for ({@code size}: the original's). */
    public static MaskCandidate deferred(Size size, Supplier<BitMask> mask, float predictedIou, LowResMask lowRes,
            int tokenIndex) {
        return new MaskCandidate(MaskView.deferred(size, mask), predictedIou, lowRes, tokenIndex);
    }

    /**
     * A candidate whose mask is its logits upscaled with SAM's chain: the canvas samples the visible part
     * from the logits ({@link #view()}) and the full mask is computed on first use.
     */
    public static MaskCandidate ofLogits(LowResMask lowRes, SamTransform transform, float predictedIou, int tokenIndex) {
        return new MaskCandidate(new LogitsMaskView(lowRes, transform), predictedIou, lowRes, tokenIndex);
    }

    /** The binary mask at original image size (computed now if it was deferred). Do not modify it. */
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

    public int tokenIndex() {
        return tokenIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskCandidate other && Float.compare(predictedIou, other.predictedIou) == 0
                && tokenIndex == other.tokenIndex && lowRes.equals(other.lowRes) && mask().equals(other.mask());
    }

    @Override
    public int hashCode() {
        return Objects.hash(predictedIou, tokenIndex, lowRes);
    }

    @Override
    public String toString() {
        return "MaskCandidate[token=" + tokenIndex + ", predictedIou=" + predictedIou + "]";
    }
}
