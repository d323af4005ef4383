package org.samannotator.core.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test access to the embedding cache's files: which entries there are and whether each one is intact. */
public final class CacheEntries {
    private CacheEntries() {
    }

    public static List<Path> entries(Path cacheDir) throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(EmbeddingCache.SUFFIX)).sorted().toList();
        }
    }

    /** True when the entry's checksum and header are sound (what {@link EmbeddingCache#get} checks first). */
    public static boolean intact(Path entry) throws IOException {
        try {
            EmbeddingFileFormat.decode(Files.readAllBytes(entry));
            return true;
        } catch (EmbeddingFileFormat.CorruptEntryException e) {
            return false;
        }
    }

    /** The entry file of an image's embedding for a model (it may not exist). */
    public static Path entryOf(Path cacheDir, String modelId, Path image) throws IOException {
        return cacheDir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + "--" + EmbeddingCache.hashFile(image)
                + EmbeddingCache.SUFFIX);
    }
}
