package org.samannotator.core.settings;

/**
 * Bounds of the app's caches, in megabytes (Edit &gt; Preferences, "Memory"). Both apply at once when
 * changed.
 *
 * @param decodedMasksMb   RAM for decoded object masks ({@code DecodedMasks}: 38 KB each at 640 x 480);
 *                         objects are kept compressed and decoded again when needed beyond it
 * @param embeddingCacheMb the image-embedding cache on disk ({@code EmbeddingCache}: about 4 MB per image and
 *                         model); in RAM the session holds only the current image's embedding and the one
 *                         being pre-encoded
 */
public record MemorySettings(int decodedMasksMb, int embeddingCacheMb) {
    /** Smallest bound accepted for either cache. */
    public static final int MIN_MB = 16;
    /** Largest bound accepted for either cache (1 TB). */
    public static final int MAX_MB = 1 << 20;

    public MemorySettings {
        check("decoded masks", decodedMasksMb);
        check("embedding cache", embeddingCacheMb);
    }

    private static void check(String what, int mb) {
        if (mb < MIN_MB || mb > MAX_MB) {
            throw new IllegalArgumentException(what + " bound must be " + MIN_MB + " to " + MAX_MB + " MB, got " + mb);
        }
    }

    /** 128 MB of decoded masks, 2 GB of embeddings on disk. */
    public static MemorySettings defaults() {
        return new MemorySettings(128, 2048);
    }

    public long decodedMasksBytes() {
        return (long) decodedMasksMb << 20;
    }

    public long embeddingCacheBytes() {
        return (long) embeddingCacheMb << 20;
    }
}
