package org.samannotator.core.auto;

/**
 * Every parameter of the automatic mask generator; {@link #defaults()} are segment-anything's
 * {@code SamAutomaticMaskGenerator} defaults. Immutable; change one with the {@code with...} methods.
 *
 * @param pointsPerSide          grid points per side in crop layer 0 (SAM: 32)
 * @param pointsPerBatch         prompts handed to the decoder at once (SAM: 64); also the granularity of
 *                               progress, cancellation and adaptive skipping
 * @param predIouThresh          keep masks whose predicted IoU is &gt; this (SAM: 0.88; 0 disables)
 * @param stabilityScoreThresh   keep masks whose stability score is &gt;= this (SAM: 0.95; 0 disables)
 * @param stabilityScoreOffset   logit offset of the stability score (SAM: 1.0)
 * @param boxNmsThresh           box IoU above which a mask of the same crop is a duplicate (SAM: 0.7)
 * @param cropNLayers            crop layers beyond the whole image (SAM: 0)
 * @param cropNmsThresh          box IoU for duplicates across crops, smaller crops preferred (SAM: 0.7)
 * @param cropOverlapRatio       overlap of first-layer crops as a fraction of the short side (SAM: 512/1500)
 * @param cropNPointsDownscaleFactor points per side in layer i are divided by this^i (SAM: 1)
 * @param minMaskRegionArea      if &gt; 0, holes and islands smaller than this are removed, then NMS again (SAM: 0)
 * @param stabilityOnLowRes      compute the stability score on the 256x256 low-res logits instead of the
 *                               upsampled ones (not SAM; see design.md for when this is allowed)
 * @param adaptive               skip grid points already covered by a kept mask (not SAM; see design.md)
 */
public record AmgSettings(int pointsPerSide, int pointsPerBatch, double predIouThresh, double stabilityScoreThresh,
        double stabilityScoreOffset, double boxNmsThresh, int cropNLayers, double cropNmsThresh,
        double cropOverlapRatio, int cropNPointsDownscaleFactor, int minMaskRegionArea, boolean stabilityOnLowRes,
        boolean adaptive) implements java.io.Serializable {

    public AmgSettings {
        require(pointsPerSide >= 1, "points per side must be at least 1, got " + pointsPerSide);
        require(pointsPerBatch >= 1, "points per batch must be at least 1, got " + pointsPerBatch);
        require(predIouThresh >= 0 && predIouThresh <= 1.5, "pred IoU threshold must be in [0, 1], got " + predIouThresh);
        require(stabilityScoreThresh >= 0 && stabilityScoreThresh <= 1,
                "stability threshold must be in [0, 1], got " + stabilityScoreThresh);
        require(stabilityScoreOffset > 0, "stability offset must be positive, got " + stabilityScoreOffset);
        require(boxNmsThresh > 0 && boxNmsThresh <= 1, "NMS threshold must be in (0, 1], got " + boxNmsThresh);
        require(cropNmsThresh > 0 && cropNmsThresh <= 1, "crop NMS threshold must be in (0, 1], got " + cropNmsThresh);
        require(cropNLayers >= 0 && cropNLayers <= 4, "crop layers must be in 0..4, got " + cropNLayers);
        require(cropOverlapRatio >= 0 && cropOverlapRatio < 1, "crop overlap ratio must be in [0, 1), got " + cropOverlapRatio);
        require(cropNPointsDownscaleFactor >= 1, "points downscale factor must be at least 1, got " + cropNPointsDownscaleFactor);
        require(minMaskRegionArea >= 0, "min mask region area must be >= 0, got " + minMaskRegionArea);
    }

    /** segment-anything's defaults. */
    public static AmgSettings defaults() {
        return new AmgSettings(32, 64, 0.88, 0.95, 1.0, 0.7, 0, 0.7, 512.0 / 1500, 1, 0, false, false);
    }

    public AmgSettings withPointsPerSide(int n) {
        return new AmgSettings(n, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor,
                minMaskRegionArea, stabilityOnLowRes, adaptive);
    }

    public AmgSettings withThresholds(double predIou, double stability, double boxNms) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIou, stability, stabilityScoreOffset, boxNms,
                cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor, minMaskRegionArea,
                stabilityOnLowRes, adaptive);
    }

    public AmgSettings withCropLayers(int layers) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, layers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor, minMaskRegionArea,
                stabilityOnLowRes, adaptive);
    }

    public AmgSettings withMinMaskRegionArea(int area) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor, area,
                stabilityOnLowRes, adaptive);
    }

    public AmgSettings withAdaptive(boolean on) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor,
                minMaskRegionArea, stabilityOnLowRes, on);
    }

    public AmgSettings withStabilityOnLowRes(boolean on) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor,
                minMaskRegionArea, on, adaptive);
    }

    public AmgSettings withPointsPerBatch(int n) {
        return new AmgSettings(pointsPerSide, n, predIouThresh, stabilityScoreThresh, stabilityScoreOffset, boxNmsThresh,
                cropNLayers, cropNmsThresh, cropOverlapRatio, cropNPointsDownscaleFactor, minMaskRegionArea,
                stabilityOnLowRes, adaptive);
    }

    public AmgSettings withCropDetails(double overlapRatio, int pointsDownscaleFactor, double cropNms) {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIouThresh, stabilityScoreThresh, stabilityScoreOffset,
                boxNmsThresh, cropNLayers, cropNms, overlapRatio, pointsDownscaleFactor, minMaskRegionArea,
                stabilityOnLowRes, adaptive);
    }

    /** A stable text of every parameter, for output files that must be redone when the settings change. */
    public String fingerprint() {
        return toString();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
