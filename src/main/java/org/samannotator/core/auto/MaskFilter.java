package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.sam.MaskUpscaler;
import org.samannotator.core.sam.MultimaskOutput;
import org.samannotator.core.sam.UpscaledCounts;

/**
 * SAM's {@code _process_batch} for one prompt: predicted IoU &gt; threshold, stability score &gt;= threshold
 * (on the logits upsampled to the crop size, mask threshold 0; or on the low-res logits when so set),
 * threshold at 0, box, drop masks near an inner crop edge, uncrop to the image and encode as RLE.
 */
final class MaskFilter {
    private static final float MASK_THRESHOLD = 0f;

    private final AmgSettings settings;
    private final SamTransform cropTransform;
    private final CropBox crop;
    private final Size image;
    private final int lowResWidth;
    private final int lowResHeight;

    /** A mask that passed: its binary mask in the crop frame (for coverage) and its record in the image frame. */
    record Kept(BitMask cropMask, GeneratedMask result) {
    }

    MaskFilter(AmgSettings settings, SamTransform cropTransform, CropBox crop, Size image) {
        this.settings = settings;
        this.cropTransform = cropTransform;
        this.crop = crop;
        this.image = image;
        Size resized = cropTransform.resized();
        int scale = SamTransform.SAM_INPUT_SIZE / LowResMask.SIZE;
        this.lowResWidth = Math.min(LowResMask.SIZE, (resized.width() + scale - 1) / scale);
        this.lowResHeight = Math.min(LowResMask.SIZE, (resized.height() + scale - 1) / scale);
    }

    /** The masks of {@code output} that pass, in token order; {@code point} is in crop pixels. */
    List<Kept> apply(MultimaskOutput output, ImagePoint point) {
        List<Kept> kept = new ArrayList<>();
        for (int k = 0; k < output.count(); k++) {
            double iou = output.ious()[k];
            if (settings.predIouThresh() > 0 && !(iou > settings.predIouThresh())) {
                continue;
            }
            double stability = stabilityScore(output, k);
            if (settings.stabilityScoreThresh() > 0 && !(stability >= settings.stabilityScoreThresh())) {
                continue;
            }
            BitMask mask = MaskUpscaler.upscale(output.mask(k), cropTransform);
            MaskBox box = MaskBox.of(mask.boundingBox());
            if (CropEdges.isNearCropEdge(box, crop, image, CropEdges.DEFAULT_TOLERANCE)) {
                continue;
            }
            Rle rle = BoundedRle.encode(uncrop(mask), box.offset(crop.x0(), crop.y0()));
            ImagePoint imagePoint = new ImagePoint(point.x() + crop.x0(), point.y() + crop.y0());
            GeneratedMask result = new GeneratedMask(rle, box.offset(crop.x0(), crop.y0()), rle.area(), iou,
                    stability, imagePoint, crop);
            kept.add(new Kept(mask, result));
        }
        return kept;
    }

    /**
     * On the logits upsampled to the crop size (counted per block, without building them: {@link
     * UpscaledCounts}), or on the low-res logits when so set; the mask itself is upsampled only for the
     * masks that pass.
     */
    private double stabilityScore(MultimaskOutput output, int k) {
        float offset = (float) settings.stabilityScoreOffset();
        if (settings.stabilityOnLowRes()) {
            return StabilityScore.ofWindow(output.lowResLogits(), k * MultimaskOutput.PLANE, LowResMask.SIZE,
                    lowResWidth, lowResHeight, MASK_THRESHOLD, offset);
        }
        UpscaledCounts.Counts counts = UpscaledCounts.of(output.mask(k), cropTransform, offset);
        return StabilityScore.fromCounts(counts.countAboveHigh(), counts.countAboveLow());
    }

    /** SAM's {@code uncrop_masks}: the crop-frame mask placed in an image-sized mask (zero elsewhere). */
    private BitMask uncrop(BitMask cropMask) {
        if (crop.coversWhole(image)) {
            return cropMask;
        }
        BitMask full = new BitMask(image);
        for (int y = 0; y < cropMask.height(); y++) {
            int x = 0;
            while (x < cropMask.width()) {
                if (!cropMask.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < cropMask.width() && cropMask.get(x, y)) {
                    x++;
                }
                full.setRun(y + crop.y0(), start + crop.x0(), x + crop.x0(), true);
            }
        }
        return full;
    }
}
