package org.samannotator.core.auto;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.MultimaskOutput;
import org.samannotator.core.sam.SamPredictor;

/**
 * The production {@link CropDecoders}: layer 0 decodes on the caller's embedding of the whole image (not
 * closed here); every other crop is encoded by {@code cropEncoder} (e.g. through the embedding cache), used,
 * and closed. Decoding goes through {@link SamPredictor#decodePoints}.
 */
public final class SamCropDecoders implements CropDecoders {
    private final SamPredictor predictor;
    private final ImageEmbedding whole;
    private final Function<CropBox, ImageEmbedding> cropEncoder;
    private final int batch;

    /**
     * @param whole       the whole image's embedding, owned by the caller
     * @param cropEncoder embeds a crop of the image (only called when crop layers &gt; 0); the result is closed here
     * @param batch       prompts per decoder call (the decoder may run them one by one, see SamPredictor)
     */
    public SamCropDecoders(SamPredictor predictor, ImageEmbedding whole, Function<CropBox, ImageEmbedding> cropEncoder,
            int batch) {
        this.predictor = predictor;
        this.whole = whole;
        this.cropEncoder = cropEncoder;
        this.batch = batch;
    }

    /** Crops are encoded directly from {@code image} (no cache); {@code image} may be empty without crop layers. */
    public static SamCropDecoders direct(SamPredictor predictor, ImageEmbedding whole, Optional<RgbImage> image, int batch) {
        return new SamCropDecoders(predictor, whole, crop -> predictor.encode(cropOf(image.orElseThrow(
                () -> new IllegalStateException("crop layers need the image pixels")), crop)), batch);
    }

    /** The pixels of {@code crop} (image pixels, exclusive end) as a new image. */
    public static RgbImage cropOf(RgbImage image, CropBox crop) {
        Size size = crop.size();
        int[] argb = new int[(int) size.area()];
        for (int y = 0; y < size.height(); y++) {
            System.arraycopy(image.argb(), (y + crop.y0()) * image.width() + crop.x0(), argb, y * size.width(), size.width());
        }
        return new RgbImage(size, argb);
    }

    @Override
    public PointDecoder open(CropBox crop) {
        boolean isWhole = crop.coversWhole(whole.originalSize());
        ImageEmbedding embedding = isWhole ? whole : cropEncoder.apply(crop);
        return new PointDecoder() {
            @Override
            public Size frame() {
                return embedding.originalSize();
            }

            @Override
            public List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop) {
                return predictor.decodePoints(embedding, pointsInCrop, batch);
            }

            @Override
            public void close() {
                if (!isWhole) {
                    embedding.close();
                }
            }
        };
    }
}
