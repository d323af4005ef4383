package org.samannotator.core.segment;

import org.samannotator.core.embedding.EmbeddingData;
import org.samannotator.core.geometry.Size;

/** An image as the {@link Segmenter} encoded it (for SAM: the [1,256,64,64] embedding). Close to release it. */
public interface EncodedImage extends AutoCloseable {
    /** The original image's size (width x height, pixels). */
    Size imageSize();

    /** A copy of the encoding for the on-disk cache. */
    EmbeddingData toData();

    /** Releases native memory; idempotent. */
    @Override
    void close();
}
