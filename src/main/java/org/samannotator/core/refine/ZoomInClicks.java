package org.samannotator.core.refine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.prompt.PromptPoint;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MaskCandidate;
import org.samannotator.core.sam.SamPredictor;

/**
 * Gated zoom-in (RITM's ZoomIn, issue #14 lever 5) for the clicks on one object: the first click is decoded on
 * the whole image; every later click on the crop {@link ZoomCrop#around} the previous shown mask and the
 * clicks, when that crop is small ({@link ZoomCrop#isSmallIn}; otherwise on the whole image). The crop is
 * encoded by the real encoder ({@link SamPredictor#encode}) and kept until {@link ZoomCrop#shouldGiveWayTo}
 * says a new one is needed. Clicks go to the crop translated ({@link ZoomCrop#promptInCrop}; the crop
 * embedding's transform does the scaling), the previous logits as the crop's own last logits or, after a new
 * crop, the image's logits moved into it ({@link CropLogits#toCrop}); the crop's masks are pasted back
 * ({@link ZoomCrop#pasteInto}) and its logits moved to the image frame ({@link CropLogits#toImage}), so
 * callers see the original frame only. The levers apply on whichever frame the click is decoded.
 *
 * <p>One instance per object's click sequence, used from one thread; it owns the crop embedding (close it).
 * The image embedding stays the caller's.
 */
public final class ZoomInClicks implements AutoCloseable {
    private final SamPredictor predictor;
    private final ClickPredictor clicks;
    private final ImageEmbedding imageEmbedding;
    private final RgbImage image;
    private ZoomCrop crop;
    private ImageEmbedding cropEmbedding;
    private RgbImage cropImage;
    /** The crop's own logits of the last click when it was decoded on the current crop, else null. */
    private LowResMask cropLogits;
    /** The mask shown after the last click (original size), null before the first. */
    private BitMask lastShown;

    /**
     * @param image the pixels of {@code imageEmbedding}'s image at original size (display orientation, the frame
     *              of the prompts); the crops are cut from it
     */
    public ZoomInClicks(SamPredictor predictor, ClickPredictor clicks, ImageEmbedding imageEmbedding, RgbImage image) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.clicks = Objects.requireNonNull(clicks, "clicks");
        this.imageEmbedding = Objects.requireNonNull(imageEmbedding, "imageEmbedding");
        this.image = Objects.requireNonNull(image, "image");
        if (!image.size().equals(imageEmbedding.originalSize())) {
            throw new IllegalArgumentException("image is " + image.size() + ", embedding " + imageEmbedding.originalSize());
        }
    }

    /**
     * Predicts the mask to show for the newest click of {@code prompt} (every click so far in original pixels,
     * the previous click's {@code shown().lowRes()} as previous mask or none), on the crop when the gate allows.
     */
    public ZoomedClick predict(Prompt prompt, ClickLevers levers) {
        Optional<ZoomCrop> target = cropFor(prompt);
        if (target.isEmpty()) {
            cropLogits = null;
            ClickResult result = clicks.predict(imageEmbedding, prompt, image, levers);
            lastShown = result.shown().mask();
            return new ZoomedClick(result, Optional.empty(), 0, 0);
        }
        int encodes = 0;
        double encodeMillis = 0;
        if (!target.get().equals(crop)) {
            long start = System.nanoTime();
            encodeCrop(target.get());
            encodeMillis = (System.nanoTime() - start) / 1e6;
            encodes = 1;
        }
        SamTransform cropFrame = cropEmbedding.transform();
        LowResMask previous = prompt.previousMask().map(full -> cropLogits != null ? cropLogits
                : CropLogits.toCrop(full, imageEmbedding.transform(), crop, cropFrame)).orElse(null);
        ClickResult onCrop = clicks.predict(cropEmbedding, crop.promptInCrop(prompt, previous), cropImage, levers);
        cropLogits = onCrop.shown().lowRes();
        ClickResult pasted = pastedBack(onCrop, cropFrame);
        lastShown = pasted.shown().mask();
        return new ZoomedClick(pasted, Optional.of(crop), encodes, encodeMillis);
    }

    /** The crop to decode this click on, or empty for the whole image (first click, box prompt, gate closed). */
    private Optional<ZoomCrop> cropFor(Prompt prompt) {
        if (lastShown == null || prompt.box().isPresent() || prompt.points().isEmpty()) {
            return Optional.empty();
        }
        Optional<ZoomCrop> candidate = ZoomCrop.around(lastShown, prompt.points(), image.size());
        if (candidate.isEmpty() || !candidate.get().isSmallIn(image.size())) {
            return Optional.empty();
        }
        PromptPoint newest = prompt.points().get(prompt.points().size() - 1);
        ZoomCrop chosen = crop != null && !crop.shouldGiveWayTo(candidate.get(), newest) ? crop : candidate.get();
        boolean anyClickOnIt = prompt.points().stream().anyMatch(p -> chosen.contains(p.position()));
        return anyClickOnIt ? Optional.of(chosen) : Optional.empty();
    }

    private void encodeCrop(ZoomCrop next) {
        closeCrop();
        cropImage = next.cropOf(image);
        cropEmbedding = predictor.encode(cropImage);
        crop = next;
    }

    /** The crop's result in the image frame: masks pasted (alternatives on first use), logits moved. */
    private ClickResult pastedBack(ClickResult onCrop, SamTransform cropFrame) {
        Size size = image.size();
        SamTransform imageFrame = imageEmbedding.transform();
        ZoomCrop from = crop;
        MaskCandidate shown = onCrop.shown();
        MaskCandidate pastedShown = new MaskCandidate(from.pasteInto(shown.mask(), size), shown.predictedIou(),
                CropLogits.toImage(shown.lowRes(), cropFrame, from, imageFrame), shown.tokenIndex());
        List<MaskCandidate> candidates = new java.util.ArrayList<>(List.of(pastedShown));
        for (MaskCandidate other : onCrop.candidates().subList(1, onCrop.candidates().size())) {
            candidates.add(MaskCandidate.deferred(size, () -> from.pasteInto(other.mask(), size), other.predictedIou(),
                    CropLogits.toImage(other.lowRes(), cropFrame, from, imageFrame), other.tokenIndex()));
        }
        return new ClickResult(pastedShown, candidates, onCrop.decoderCalls(), onCrop.decoderMillis());
    }

    private void closeCrop() {
        if (cropEmbedding != null) {
            cropEmbedding.close();
        }
        cropEmbedding = null;
        cropImage = null;
        crop = null;
        cropLogits = null;
    }

    /** Closes the crop embedding, if any (not the image embedding). */
    @Override
    public void close() {
        closeCrop();
    }
}
