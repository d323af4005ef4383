package org.samannotator.core.segment;

import java.util.List;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.prompt.Prompt;

/**
 * What the annotation session needs from a promptable segmentation model (SAM and its family): encode an
 * image once, then decode prompts on that encoding many times. Implemented by the SAM predictor
 * ({@code core.refine.ClickSegmenter}); tests use a fake that needs no model files.
 *
 * <p>Implementations must allow {@link #encode} and {@link #decode} from different threads at once (a
 * background pre-encoder runs while the user's prompts are decoded). Prompts are in ORIGINAL image pixel
 * coordinates (x right, y down); masks come back at the original size.
 */
public interface Segmenter extends AutoCloseable {
    /** The model's id (keys the embedding cache). */
    String modelId();

    /** Runs the heavy image encoder. The caller owns (closes) the result. */
    EncodedImage encode(RgbImage image);

    /**
     * Encodes a reduced {@code copy} (e.g. {@code ImageLoader.readReduced}) of an image whose full resolution
     * is {@code originalSize} (width, height): prompts and masks of the result live in ORIGINAL pixels. The
     * default accepts only a full-resolution copy; segmenters that can resample override it.
     */
    default EncodedImage encode(RgbImage copy, Size originalSize) {
        if (!copy.size().equals(originalSize)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot encode a reduced copy ("
                    + copy.size() + " of " + originalSize + ")");
        }
        return encode(copy);
    }

    /** An encoding restored from {@link EncodedImage#toData()} (the on-disk cache). The caller owns it. */
    EncodedImage restore(EmbeddingData data);

    /**
     * Decodes {@code prompt} (points, box, and the previous low-res mask when it has one) on {@code image}.
     * The proposals are the mask to show first, then the model's alternatives (whole / part / subpart) when
     * the prompt is ambiguous; their full-size masks may be computed on first use.
     */
    Segmentation decode(EncodedImage image, Prompt prompt);

    /**
     * Decodes each of {@code points} (ORIGINAL image pixels) alone as a foreground point, without a previous
     * mask, into the model's multimask output (whole / part / subpart with their predicted IoUs and low-res
     * logits), as the automatic mask generator prompts its grid.
     */
    List<PointMasks> decodePoints(EncodedImage image, List<ImagePoint> points);

    @Override
    void close();
}
