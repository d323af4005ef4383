package org.samannotator.core.sam;

import java.util.Objects;
import java.util.Optional;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

/**
 * The decoder's mask seen through its low-res logits (float32 [256*256], model frame / 4): any grid of
 * original pixels is sampled with SAM's bilinear chain ({@link MaskUpscaler#sample}), equal bit for bit to
 * the same pixels of the full upscaled mask, which {@link #mask()} computes once on first use.
 *
 * <p>The stage-1 crop (up to 1024x1024 floats) of the most recently sampled view is kept, so re-rendering
 * the same mask after a zoom or pan costs only the visible samples; one entry for the whole process, so the
 * candidates kept for undo hold no float maps.
 */
public final class LogitsMaskView implements MaskView {
    private static final Object LAST_LOCK = new Object();
    private static LogitsMaskView lastView;
    private static Stage2 lastStage;

    private final LowResMask lowRes;
    private final SamTransform transform;
    private BitMask mask;
    private Optional<PixelRect> bounds;

    public LogitsMaskView(LowResMask lowRes, SamTransform transform) {
        this.lowRes = Objects.requireNonNull(lowRes, "lowRes");
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    @Override
    public Size size() {
        return transform.original();
    }

    @Override
    public synchronized Optional<PixelRect> bounds() {
        if (bounds == null) {
            bounds = MaskUpscaler.positiveBounds(lowRes, transform);
        }
        return bounds;
    }

    @Override
    public BitMask sample(int[] xs, int[] ys) {
        return MaskUpscaler.sample(stage(), transform.original(), xs, ys);
    }

    @Override
    public synchronized BitMask mask() {
        if (mask == null) {
            mask = MaskUpscaler.upscale(lowRes, transform);
        }
        return mask;
    }

    private Stage2 stage() {
        synchronized (LAST_LOCK) {
            if (lastView != this) {
                lastStage = Stage2.of(lowRes, transform);
                lastView = this;
            }
            return lastStage;
        }
    }
}
