package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.samannotator.core.geometry.Size;

/**
 * "Segment everything": segment-anything's {@code SamAutomaticMaskGenerator} on our decoder. A grid of
 * single-point prompts per crop, three masks per point, filtered by predicted IoU and stability score,
 * de-duplicated by box NMS within each crop and across crops (smaller crops preferred), optionally cleaned
 * of small holes and islands. UI-free and thread-confined: one generation runs on the calling thread; it is
 * cancelled through {@code cancelled} (checked before every batch) and reports progress after every batch.
 *
 * <p>Usage: {@code new AutomaticMaskGenerator(settings).generate(new SamCropDecoders(predictor, embedding,
 * image), imageSize, progress, cancelled)}.
 */
public final class AutomaticMaskGenerator {
    private final AmgSettings settings;

    public AutomaticMaskGenerator(AmgSettings settings) {
        this.settings = settings;
    }

    public AmgSettings settings() {
        return settings;
    }

    /**
     * Generates the masks of one image.
     *
     * @param decoders  a decoder per crop (layer 0 = the whole image's embedding)
     * @param imageSize the original image size (width, height)
     * @param progress  called after every batch with prompts done / total
     * @param cancelled polled before every batch
     * @throws CancellationException when {@code cancelled} turned true; nothing partial is returned
     */
    public AmgResult generate(CropDecoders decoders, Size imageSize, AmgProgress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        List<CropBox> crops = CropBoxes.generate(imageSize, settings.cropNLayers(), settings.cropOverlapRatio());
        List<double[][]> grids = PointGrid.allLayers(settings.pointsPerSide(), settings.cropNLayers(),
                settings.cropNPointsDownscaleFactor());
        int total = crops.stream().mapToInt(c -> grids.get(c.layer()).length).sum();
        PromptCounter counter = new PromptCounter(progress, total);
        CropProcessor processor = new CropProcessor(settings, imageSize, cancelled, counter);
        List<GeneratedMask> masks = new ArrayList<>();
        long openNanos = 0;
        for (CropBox crop : crops) {
            long openStart = System.nanoTime();
            try (PointDecoder decoder = decoders.open(crop)) {
                openNanos += System.nanoTime() - openStart;
                masks.addAll(processor.process(decoder, crop, grids.get(crop.layer())));
            }
        }
        if (crops.size() > 1) {
            masks = nmsAcrossCrops(masks);
        }
        if (settings.minMaskRegionArea() > 0) {
            masks = SmallRegionPostprocess.apply(masks, settings.minMaskRegionArea(),
                    Math.max(settings.boxNmsThresh(), settings.cropNmsThresh()));
        }
        double totalMillis = (System.nanoTime() - start) / 1e6;
        AmgStats stats = new AmgStats(total, counter.decoded(), counter.decoderMillis(), openNanos / 1e6, totalMillis,
                counter.proposals());
        return new AmgResult(imageSize, masks, stats);
    }

    /** Duplicates between crops: box NMS with score 1 / crop area, so masks from smaller crops win. */
    private List<GeneratedMask> nmsAcrossCrops(List<GeneratedMask> masks) {
        double[] scores = masks.stream().mapToDouble(m -> 1.0 / m.crop().area()).toArray();
        int[] keep = BoxNms.single(masks.stream().map(GeneratedMask::box).toList(), scores, settings.cropNmsThresh());
        List<GeneratedMask> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(masks.get(i));
        }
        return out;
    }
}
