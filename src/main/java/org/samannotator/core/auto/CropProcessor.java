package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.sam.MultimaskOutput;

/**
 * SAM's {@code _process_crop}: decodes the crop's grid batch by batch, filters each mask
 * ({@link MaskFilter}), removes duplicates within the crop by box NMS on the predicted IoU, and returns the
 * survivors in image pixels. In adaptive mode, points already inside a kept mask are not decoded.
 */
final class CropProcessor {
    private final AmgSettings settings;
    private final Size image;
    private final BooleanSupplier cancelled;
    private final PromptCounter counter;

    CropProcessor(AmgSettings settings, Size image, BooleanSupplier cancelled, PromptCounter counter) {
        this.settings = settings;
        this.image = image;
        this.cancelled = cancelled;
        this.counter = counter;
    }

    List<GeneratedMask> process(PointDecoder decoder, CropBox crop, double[][] grid) {
        Size frame = decoder.frame();
        int n = (int) Math.round(Math.sqrt(grid.length));
        ImagePoint[] points = new ImagePoint[grid.length];
        for (int i = 0; i < grid.length; i++) {
            points[i] = new ImagePoint(grid[i][0] * frame.width(), grid[i][1] * frame.height());
        }
        MaskFilter filter = new MaskFilter(settings, SamTransform.forImage(frame), crop, image);
        Coverage coverage = new Coverage(points);
        List<Integer> order = GridOrder.of(n, settings.adaptive());
        List<GeneratedMask> kept = new ArrayList<>();
        for (int from = 0; from < order.size(); from += settings.pointsPerBatch()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("automatic mask generation cancelled");
            }
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + settings.pointsPerBatch()));
            List<Integer> toDecode = settings.adaptive() ? coverage.uncovered(batch) : batch;
            List<ImagePoint> prompts = toDecode.stream().map(i -> points[i]).toList();
            List<MultimaskOutput> outputs = prompts.isEmpty() ? List.of() : counter.decode(decoder, prompts);
            for (int k = 0; k < outputs.size(); k++) {
                for (MaskFilter.Kept mask : filter.apply(outputs.get(k), prompts.get(k))) {
                    coverage.add(mask.cropMask());
                    kept.add(mask.result());
                }
            }
            counter.done(batch.size());
        }
        counter.proposals(kept.size());
        return nmsWithinCrop(kept);
    }

    private List<GeneratedMask> nmsWithinCrop(List<GeneratedMask> masks) {
        double[] scores = masks.stream().mapToDouble(GeneratedMask::predictedIou).toArray();
        int[] keep = BoxNms.single(masks.stream().map(GeneratedMask::box).toList(), scores, settings.boxNmsThresh());
        List<GeneratedMask> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(masks.get(i));
        }
        return out;
    }
}
