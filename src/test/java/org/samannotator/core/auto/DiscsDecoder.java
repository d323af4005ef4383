package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.sam.MultimaskOutput;

/**
 * A test double of the decoder for the generator's logic: the image holds discs; a point inside a disc gets
 * three masks of that disc (steep logits, so stable) with the given predicted IoU, a point elsewhere gets
 * three empty masks with IoU 0.5. Logits are produced in the crop's low-res model frame exactly as SAM's
 * would be laid out (256x256, 4 model pixels per cell, model = crop pixels x 1024 / longest side).
 */
final class DiscsDecoder implements CropDecoders {
    record Disc(double cx, double cy, double r) {
        boolean contains(double x, double y) {
            return Math.hypot(x - cx, y - cy) < r;
        }
    }

    private final List<Disc> discs;
    private final float iou;
    final AtomicInteger calls = new AtomicInteger();
    final List<CropBox> opened = new ArrayList<>();

    DiscsDecoder(List<Disc> discs, float iou) {
        this.discs = discs;
        this.iou = iou;
    }

    @Override
    public PointDecoder open(CropBox crop) {
        opened.add(crop);
        Size frame = crop.size();
        return new PointDecoder() {
            @Override
            public Size frame() {
                return frame;
            }

            @Override
            public List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop) {
                List<MultimaskOutput> out = new ArrayList<>();
                for (ImagePoint p : pointsInCrop) {
                    calls.incrementAndGet();
                    out.add(answer(crop, frame, p.x() + crop.x0(), p.y() + crop.y0()));
                }
                return out;
            }

            @Override
            public void close() {
            }
        };
    }

    private MultimaskOutput answer(CropBox crop, Size frame, double x, double y) {
        Disc hit = discs.stream().filter(d -> d.contains(x, y)).findFirst().orElse(null);
        int plane = MultimaskOutput.PLANE;
        float[] logits = new float[3 * plane];
        double toCrop = 1.0 / SamTransform.forImage(frame).scale();
        for (int v = 0; v < LowResMask.SIZE; v++) {
            for (int u = 0; u < LowResMask.SIZE; u++) {
                double ix = (4 * u + 2) * toCrop + crop.x0();
                double iy = (4 * v + 2) * toCrop + crop.y0();
                float value = hit == null ? -20f
                        : (float) Math.max(-20, Math.min(20, 5 * (hit.r() - Math.hypot(ix - hit.cx(), iy - hit.cy()))));
                for (int k = 0; k < 3; k++) {
                    logits[k * plane + v * LowResMask.SIZE + u] = value;
                }
            }
        }
        float score = hit == null ? 0.5f : iou;
        return new MultimaskOutput(logits, new float[] {score, score, score}, new int[] {1, 2, 3});
    }
}
