package org.samannotator.cli;

import org.samannotator.core.auto.AmgSettings;
import picocli.CommandLine.Option;

/** The automatic mask generator's options shared by {@code auto} and {@code eval-auto}; defaults are SAM's. */
public final class AmgOptions {
    @Option(names = "--points-per-side", paramLabel = "N", defaultValue = "32",
            description = "Grid points per side in the whole image (default: ${DEFAULT-VALUE}).")
    int pointsPerSide;

    @Option(names = "--points-per-batch", paramLabel = "N", defaultValue = "64",
            description = "Prompts per decoder call, progress and cancellation step (default: ${DEFAULT-VALUE}).")
    int pointsPerBatch;

    @Option(names = "--crop-layers", paramLabel = "N", defaultValue = "0",
            description = "Crop layers beyond the whole image (default: ${DEFAULT-VALUE}).")
    int cropLayers;

    @Option(names = "--crop-points-downscale", paramLabel = "N", defaultValue = "1",
            description = "Points per side in crop layer i are divided by N^i (default: ${DEFAULT-VALUE}).")
    int cropPointsDownscale;

    @Option(names = "--crop-overlap", paramLabel = "RATIO", defaultValue = "0.3413333333333333",
            description = "Overlap of first-layer crops, fraction of the short side (default: 512/1500).")
    double cropOverlap;

    @Option(names = "--crop-nms", paramLabel = "IOU", defaultValue = "0.7",
            description = "Box NMS threshold between crops (default: ${DEFAULT-VALUE}).")
    double cropNms;

    @Option(names = "--pred-iou", paramLabel = "T", defaultValue = "0.88",
            description = "Keep masks whose predicted IoU is above T (default: ${DEFAULT-VALUE}).")
    double predIou;

    @Option(names = "--stability", paramLabel = "T", defaultValue = "0.95",
            description = "Keep masks whose stability score is at least T (default: ${DEFAULT-VALUE}).")
    double stability;

    @Option(names = "--stability-offset", paramLabel = "D", defaultValue = "1.0",
            description = "Logit offset of the stability score (default: ${DEFAULT-VALUE}).")
    double stabilityOffset;

    @Option(names = "--nms", paramLabel = "IOU", defaultValue = "0.7",
            description = "Box NMS threshold within a crop (default: ${DEFAULT-VALUE}).")
    double nms;

    @Option(names = "--min-region", paramLabel = "PIXELS", defaultValue = "0",
            description = "Remove holes and islands smaller than this, then NMS again (default: ${DEFAULT-VALUE} = off).")
    int minRegion;

    @Option(names = "--adaptive",
            description = "Skip grid points already inside a kept mask (coarse-to-fine order; fewer decoder calls).")
    boolean adaptive;

    @Option(names = "--stability-on-low-res",
            description = "Compute the stability score on the 256x256 low-res logits instead of the upsampled ones.")
    boolean stabilityOnLowRes;

    public AmgSettings toSettings() {
        return new AmgSettings(pointsPerSide, pointsPerBatch, predIou, stability, stabilityOffset, nms, cropLayers,
                cropNms, cropOverlap, cropPointsDownscale, minRegion, stabilityOnLowRes, adaptive);
    }
}
