package org.samannotator.core.auto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.model.Sha256;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamPredictor;

/**
 * Embeddings for batch generation through the on-disk {@link EmbeddingCache}: the whole image keyed by its
 * file's SHA-256 (the same entries the app uses), each crop by the SHA-256 of that hash and the crop box.
 * A cache that cannot be written only costs speed. Without a cache (null) everything is encoded.
 */
public final class CachedEmbeddings {
    private final SamPredictor predictor;
    private final EmbeddingCache cache;

    /** The whole image's embedding (caller closes it), whether it came from the cache, and the encode time. */
    public record Whole(ImageEmbedding embedding, boolean fromCache, double encoderMillis) {
    }

    public CachedEmbeddings(SamPredictor predictor, EmbeddingCache cache) {
        this.predictor = predictor;
        this.cache = cache;
    }

    public Whole whole(Path file, RgbImage image) throws IOException {
        String hash = cache == null ? null : EmbeddingCache.hashFile(file);
        long start = System.nanoTime();
        Lookup lookup = cachedOrEncoded(hash, image);
        return new Whole(lookup.embedding(), lookup.hit(), (System.nanoTime() - start) / 1e6);
    }

    /** Crop encoder for {@link SamCropDecoders}: crops of {@code image} (the pixels of {@code file}). */
    public Function<CropBox, ImageEmbedding> crops(Path file, RgbImage image) throws IOException {
        String fileHash = cache == null ? null : EmbeddingCache.hashFile(file);
        return crop -> {
            String key = fileHash == null ? null : Sha256.hashBytes((fileHash + ":crop:" + crop.x0() + "," + crop.y0()
                    + "," + crop.x1() + "," + crop.y1()).getBytes(StandardCharsets.US_ASCII));
            return cachedOrEncoded(key, SamCropDecoders.cropOf(image, crop)).embedding();
        };
    }

    private record Lookup(ImageEmbedding embedding, boolean hit) {
    }

    private Lookup cachedOrEncoded(String key, RgbImage image) {
        if (key != null) {
            Optional<EmbeddingData> hit = cache.get(predictor.modelId(), key, image.size());
            if (hit.isPresent()) {
                return new Lookup(ImageEmbedding.fromData(hit.get()), true);
            }
        }
        ImageEmbedding embedding = predictor.encode(image);
        if (key != null) {
            try {
                cache.put(key, embedding.toData());
            } catch (IOException | RuntimeException e) {
                // a full or read-only cache only costs speed next time
            }
        }
        return new Lookup(embedding, false);
    }
}
