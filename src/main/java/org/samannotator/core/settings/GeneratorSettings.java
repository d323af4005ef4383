package org.samannotator.core.settings;

import org.samannotator.core.auto.AmgSettings;

/**
 * The automatic mask generator's parameters a user may change (the rest stay at {@link AmgSettings#defaults()}).
 *
 * @param pointsPerSide grid points per side (SAM: 32)
 * @param predIou       predicted IoU threshold (SAM: 0.88)
 * @param stability     stability score threshold (SAM: 0.95)
 * @param nms           box NMS threshold (SAM: 0.7)
 * @param cropLayers    crop layers beyond the whole image (SAM: 0)
 * @param minRegion     holes and islands smaller than this many pixels are removed (SAM: 0)
 */
public record GeneratorSettings(int pointsPerSide, double predIou, double stability, double nms, int cropLayers,
        int minRegion) {
    /** Checks the values as the generator does; throws {@link IllegalArgumentException} naming the bad one. */
    public GeneratorSettings {
        toAmg(pointsPerSide, predIou, stability, nms, cropLayers, minRegion);
    }

    public static GeneratorSettings defaults() {
        return from(AmgSettings.defaults());
    }

    public static GeneratorSettings from(AmgSettings amg) {
        return new GeneratorSettings(amg.pointsPerSide(), amg.predIouThresh(), amg.stabilityScoreThresh(),
                amg.boxNmsThresh(), amg.cropNLayers(), amg.minMaskRegionArea());
    }

    /** The generator's settings: these values on SAM's defaults. */
    public AmgSettings toAmg() {
        return toAmg(pointsPerSide, predIou, stability, nms, cropLayers, minRegion);
    }

    private static AmgSettings toAmg(int pointsPerSide, double predIou, double stability, double nms, int cropLayers,
            int minRegion) {
        return AmgSettings.defaults().withPointsPerSide(pointsPerSide).withThresholds(predIou, stability, nms)
                .withCropLayers(cropLayers).withMinMaskRegionArea(minRegion);
    }
}
