package org.samannotator.core.eval;

import java.util.Objects;
import org.samannotator.core.refine.ClickLevers;

/**
 * How the interactive evaluation runs: clicks per image (IoU is reported for every k up to this), whether
 * each click's prompt includes the previous low-res mask, whether the first-click oracle is computed, at
 * most how many images to evaluate (0 = all), the per-click accuracy levers ({@link ClickLevers#plain()}
 * = the standard protocol), and whether to stop clicking an image once it reached IoU {@value #STOP_IOU}
 * after at least {@value #STOP_AFTER_AT_LEAST} clicks (later IoUs then repeat the last one: NoC@85/90,
 * failures and mIoU@1..5 are unchanged, mIoU beyond click 5 is not the protocol's), and whether clicks after the
 * first are decoded on a gated zoom-in crop ({@link org.samannotator.core.refine.ZoomInClicks}; off = the
 * whole image only, as the standard protocol).
 */
public record EvaluationSettings(int maxClicks, boolean maskInput, boolean oracleFirstClick, int imageLimit,
        ClickLevers levers, boolean stopWhenReached, boolean zoomIn) {
    public static final int DEFAULT_MAX_CLICKS = 20;
    public static final double STOP_IOU = 0.90;
    public static final int STOP_AFTER_AT_LEAST = 5;

    public EvaluationSettings {
        if (maxClicks < 1) {
            throw new IllegalArgumentException("max clicks must be at least 1, got " + maxClicks);
        }
        if (imageLimit < 0) {
            throw new IllegalArgumentException("image limit must be >= 0 (0 = all), got " + imageLimit);
        }
        Objects.requireNonNull(levers, "levers");
    }

    /** Without zoom-in. */
    public EvaluationSettings(int maxClicks, boolean maskInput, boolean oracleFirstClick, int imageLimit,
            ClickLevers levers, boolean stopWhenReached) {
        this(maxClicks, maskInput, oracleFirstClick, imageLimit, levers, stopWhenReached, false);
    }

    /** The standard protocol: every lever off. */
    public EvaluationSettings(int maxClicks, boolean maskInput, boolean oracleFirstClick, int imageLimit) {
        this(maxClicks, maskInput, oracleFirstClick, imageLimit, ClickLevers.plain(), false);
    }
}
