package org.samannotator.core.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.segment.EncodedImage;
import org.samannotator.core.segment.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image encodings through the on-disk {@link EmbeddingCache} (keyed by model id, file content hash and
 * original size): restored from the cache when present, else computed by the segmenter and stored. Without
 * a cache (null) every image is encoded. A cache that cannot be read or written only costs speed: the
 * failure is logged and the encoding is used.
 */
final class EmbeddingStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingStore.class);
    private final EmbeddingCache cache;

    EmbeddingStore(EmbeddingCache cache) {
        this.cache = cache;
    }

    /** An encoding and whether it came from the cache (no encoder run). */
    record Encoded(EncodedImage image, boolean fromCache) {
    }

    boolean hasCache() {
        return cache != null;
    }

    /** The encoding of {@code image} (the pixels of {@code file}); the caller owns (closes) it. */
    Encoded encodingFor(Segmenter segmenter, Path file, RgbImage image) {
        return encodingFor(segmenter, file, image, image.size());
    }

    /**
     * The encoding of {@code copy}, a full-resolution or reduced copy of {@code file} whose full display size
     * is {@code originalSize} (the cache key); the caller owns (closes) it.
     */
    Encoded encodingFor(Segmenter segmenter, Path file, RgbImage copy, Size originalSize) {
        String hash = contentHash(file);
        if (hash != null) {
            Optional<EmbeddingData> cached = cache.get(segmenter.modelId(), hash, originalSize);
            if (cached.isPresent()) {
                return new Encoded(segmenter.restore(cached.get()), true);
            }
        }
        EncodedImage encoded = segmenter.encode(copy, originalSize);
        if (hash != null) {
            store(hash, encoded, file);
        }
        return new Encoded(encoded, false);
    }

    /** The cached encoding of {@code file} (full size {@code originalSize}), if the cache has it; the caller closes it. */
    Optional<EncodedImage> cached(Segmenter segmenter, Path file, Size originalSize) {
        String hash = contentHash(file);
        if (hash == null) {
            return Optional.empty();
        }
        return cache.get(segmenter.modelId(), hash, originalSize).map(segmenter::restore);
    }

    /** Encodes {@code file} into the cache unless it is there already. */
    void preEncode(Segmenter segmenter, Path file) throws IOException {
        String hash = contentHash(file);
        if (hash == null) {
            return;
        }
        Size size = ImageLoader.readSize(file);
        if (cache.get(segmenter.modelId(), hash, size).isPresent()) {
            return;
        }
        LoadedImage copy = ImageLoader.readReduced(file, ImageLoader.ENCODER_COPY_MIN_LONG_SIDE);
        try (EncodedImage encoded = segmenter.encode(copy.image(), copy.originalSize())) {
            store(hash, encoded, file);
        }
    }

    private void store(String hash, EncodedImage encoded, Path file) {
        try {
            cache.put(hash, encoded.toData());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not store the embedding of {} in the cache {}: {}", file, cache.directory(), e.toString());
        }
    }

    private String contentHash(Path file) {
        if (cache == null) {
            return null;
        }
        try {
            return EmbeddingCache.hashFile(file);
        } catch (IOException e) {
            LOG.warn("Could not hash {} for the embedding cache: {}", file, e.toString());
            return null;
        }
    }
}
