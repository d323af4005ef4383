package org.samannotator.gui.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamPredictor;

/**
 * Image embeddings through the on-disk {@link EmbeddingCache} (keyed by model id, file content hash and
 * original size): read from the cache when present, else computed by the encoder and stored. Without a
 * cache (null) every embedding is encoded. Used by {@link ModelWorker}'s worker and pre-encoder threads.
 */
final class CachedEncoder {
    private final EmbeddingCache cache;

    CachedEncoder(EmbeddingCache cache) {
        this.cache = cache;
    }

    /** An embedding and whether it came from the cache (no encoder run). */
    record Encoded(ImageEmbedding embedding, boolean fromCache) {
    }

    /** The embedding of {@code image} (the pixels of {@code file}); the caller owns (closes) it. */
    Encoded embeddingFor(SamPredictor predictor, Path file, RgbImage image) {
        String hash = contentHash(file);
        if (hash != null) {
            Optional<EmbeddingData> cached = cache.get(predictor.modelId(), hash, image.size());
            if (cached.isPresent()) {
                return new Encoded(ImageEmbedding.fromData(cached.get()), true);
            }
        }
        ImageEmbedding embedding = predictor.encode(image);
        if (hash != null) {
            try {
                cache.put(hash, embedding.toData());
            } catch (IOException | RuntimeException e) {
                // A full or read-only cache only costs speed next time; the embedding is still used.
            }
        }
        return new Encoded(embedding, false);
    }

    /** Encodes {@code file} into the cache unless it is there already; failures are ignored. */
    void preEncode(SamPredictor predictor, Path file) {
        String hash = predictor == null ? null : contentHash(file);
        if (hash == null) {
            return;
        }
        try {
            Size size = ImageLoader.readSize(file);
            if (cache.get(predictor.modelId(), hash, size).isPresent()) {
                return;
            }
            RgbImage image = ImageLoader.load(file);
            try (ImageEmbedding embedding = predictor.encode(image)) {
                cache.put(hash, embedding.toData());
            }
        } catch (IOException | RuntimeException e) {
            // Pre-encoding is an optimisation: a failure shows up when the image is opened.
        }
    }

    private String contentHash(Path file) {
        if (cache == null) {
            return null;
        }
        try {
            return EmbeddingCache.hashFile(file);
        } catch (IOException e) {
            return null;
        }
    }
}
