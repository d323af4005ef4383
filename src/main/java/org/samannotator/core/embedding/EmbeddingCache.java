package org.samannotator.core.embedding;

import org.samannotator.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.model.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded on-disk cache of image embeddings keyed by model id and the SHA-256 of the image file's bytes
 * (so a moved or renamed image still hits, and an edited one misses). One file per entry (format in
 * {@link EmbeddingFileFormat}: header, float32 little-endian data, CRC32), written atomically. A file's
 * modification time is its last use; when the total size exceeds the bound the least recently used entries
 * are deleted. An entry that is corrupt, truncated or does not match the request (model id, hash, image size)
 * is deleted and reported as a miss, never returned. All methods are thread-safe.
 */
public final class EmbeddingCache {
    /** Default bound on the cache's total size: 2 GiB (about 500 entries of 4 MiB). */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    static final String SUFFIX = ".emb";
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);

    private final Path directory;
    private volatile long maxBytes;
    private long lastStampMillis;

    /**
     * @param directory where entries live (created on first write)
     * @param maxBytes bound on the total size of all entries, in bytes
     */
    public EmbeddingCache(Path directory, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("cache bound must be positive, got " + maxBytes);
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The cache in {@link #defaultDirectory()} with the {@link #DEFAULT_MAX_BYTES} bound. */
    public static EmbeddingCache openDefault() {
        return new EmbeddingCache(defaultDirectory(), DEFAULT_MAX_BYTES);
    }

    /** {@code $XDG_CACHE_HOME/sam-annotator/embeddings}, or {@code ~/.cache/sam-annotator/embeddings}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sam-annotator").resolve("embeddings");
    }

    /** The SHA-256 of a file's bytes (streamed) as 64 lower-case hex digits: the cache key of an image. */
    public static String hashFile(Path file) throws IOException {
        return Sha256.hashFile(file);
    }

    public Path directory() {
        return directory;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Changes the bound (a user setting); entries beyond it are removed, least recently used first, at the
     * next {@link #put}.
     */
    public void setMaxBytes(long newMaxBytes) {
        if (newMaxBytes <= 0) {
            throw new IllegalArgumentException("cache bound must be positive, got " + newMaxBytes);
        }
        this.maxBytes = newMaxBytes;
    }

    /**
     * The cached embedding of the image with this content hash for this model, if present, intact and computed
     * for an image of {@code expectedSize} (width, height). A hit marks the entry as recently used.
     */
    public synchronized Optional<EmbeddingData> get(String modelId, String contentHash, Size expectedSize) {
        Path file = entryFile(modelId, contentHash);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            LOG.debug("no embedding cache entry {}", file.getFileName());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read embedding cache entry " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> problem = Optional.empty();
        EmbeddingFileFormat.Decoded decoded = null;
        try {
            decoded = EmbeddingFileFormat.decode(bytes);
            problem = mismatch(decoded, modelId, contentHash, expectedSize);
        } catch (EmbeddingFileFormat.CorruptEntryException e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isPresent()) {
            LOG.warn("discarding embedding cache entry " + file + ": " + problem.get());
            deleteQuietly(file);
            return Optional.empty();
        }
        touch(file);
        return Optional.of(decoded.data());
    }

    /**
     * Stores the embedding of the image with this content hash (atomically replacing any previous entry),
     * then evicts least recently used entries beyond the bound.
     */
    public synchronized void put(String contentHash, EmbeddingData data) throws IOException {
        Path file = entryFile(data.modelId(), contentHash);
        byte[] bytes = EmbeddingFileFormat.encode(contentHash.toLowerCase(Locale.ROOT), data);
        AtomicFiles.writeBytes(file, bytes);
        touch(file);
        evictBeyondBound();
    }

    /** The total size in bytes of all entries currently on disk. */
    public synchronized long totalBytes() throws IOException {
        return listEntries().stream().mapToLong(EntryInfo::size).sum();
    }

    private record EntryInfo(Path file, long size, FileTime lastUse) {
    }

    private Optional<String> mismatch(EmbeddingFileFormat.Decoded decoded, String modelId, String contentHash,
            Size expectedSize) {
        if (!decoded.data().modelId().equals(modelId)) {
            return Optional.of("written for model '" + decoded.data().modelId() + "', requested '" + modelId + "'");
        }
        if (!decoded.contentHash().equalsIgnoreCase(contentHash)) {
            return Optional.of("written for image " + decoded.contentHash() + ", requested " + contentHash);
        }
        if (!decoded.data().originalSize().equals(expectedSize)) {
            return Optional.of("image size " + decoded.data().originalSize() + ", expected " + expectedSize);
        }
        return Optional.empty();
    }

    private Path entryFile(String modelId, String contentHash) {
        if (!Sha256.isHex64(contentHash)) {
            throw new IllegalArgumentException("content hash must be 64 hex digits (SHA-256), got '"
                    + contentHash + "'");
        }
        String safeId = modelId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!safeId.equals(modelId)) {
            safeId += "~" + Sha256.hashBytes(modelId.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        }
        return directory.resolve(safeId + "--" + contentHash.toLowerCase(Locale.ROOT) + SUFFIX);
    }

    /** Stamps the file as used now; stamps are strictly increasing within this cache so LRU order is exact. */
    private void touch(Path file) {
        lastStampMillis = Math.max(System.currentTimeMillis(), lastStampMillis + 1);
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(lastStampMillis));
        } catch (IOException e) {
            LOG.debug("cannot update last use of " + file + ": " + e.getMessage());
        }
    }

    private void evictBeyondBound() throws IOException {
        List<EntryInfo> entries = listEntries();
        long total = entries.stream().mapToLong(EntryInfo::size).sum();
        entries.sort(Comparator.comparing(EntryInfo::lastUse).thenComparing(EntryInfo::file));
        for (EntryInfo entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            deleteQuietly(entry.file());
            total -= entry.size();
        }
    }

    private List<EntryInfo> listEntries() throws IOException {
        if (!Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        List<EntryInfo> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                try {
                    if (name.endsWith(SUFFIX)) {
                        entries.add(new EntryInfo(file, Files.size(file), Files.getLastModifiedTime(file)));
                    } else if (AtomicFiles.isTemporaryFileName(name) && name.contains(SUFFIX) && isStale(file)) {
                        deleteQuietly(file);
                    }
                } catch (NoSuchFileException e) {
                    // removed concurrently (another process sharing the cache): not an entry any more
                    LOG.debug("embedding cache file {} vanished while listing", name);
                }
            }
        }
        return entries;
    }

    private static boolean isStale(Path temp) throws IOException {
        FileTime modified = Files.getLastModifiedTime(temp);
        return modified.toInstant().isBefore(Instant.now().minus(STALE_TEMP_AGE));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete embedding cache file " + file + ": " + e.getMessage());
        }
    }
}
