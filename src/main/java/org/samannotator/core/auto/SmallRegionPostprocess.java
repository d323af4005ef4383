package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

/**
 * SAM's {@code postprocess_small_regions}: fill small holes, then remove small islands of every mask; then
 * box NMS again, scoring unchanged masks 1 and changed ones 0 so that masks that needed no fixing win. Kept
 * changed masks get their new RLE, box and area. One mask is decoded at a time (bounded memory).
 */
final class SmallRegionPostprocess {
    private SmallRegionPostprocess() {
    }

    static List<GeneratedMask> apply(List<GeneratedMask> masks, int minArea, double nmsThreshold) {
        if (masks.isEmpty()) {
            return masks;
        }
        List<GeneratedMask> cleaned = new ArrayList<>(masks.size());
        double[] scores = new double[masks.size()];
        for (int i = 0; i < masks.size(); i++) {
            GeneratedMask m = masks.get(i);
            SmallRegions.Result holes = SmallRegions.remove(m.rle().toMask(), minArea, SmallRegions.Mode.HOLES);
            SmallRegions.Result islands = SmallRegions.remove(holes.mask(), minArea, SmallRegions.Mode.ISLANDS);
            boolean unchanged = !holes.changed() && !islands.changed();
            scores[i] = unchanged ? 1.0 : 0.0;
            cleaned.add(unchanged ? m : withMask(m, islands.mask()));
        }
        int[] keep = BoxNms.single(cleaned.stream().map(GeneratedMask::box).toList(), scores, nmsThreshold);
        List<GeneratedMask> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(cleaned.get(i));
        }
        return out;
    }

    private static GeneratedMask withMask(GeneratedMask m, BitMask mask) {
        Rle rle = Rle.encode(mask);
        return new GeneratedMask(rle, MaskBox.of(mask.boundingBox()), rle.area(), m.predictedIou(), m.stabilityScore(),
                m.point(), m.crop());
    }
}
