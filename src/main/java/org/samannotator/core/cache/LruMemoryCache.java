package org.samannotator.core.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * A RAM cache bounded by the total size of its values, least recently used first out: for the app's
 * image embeddings (4 MB each) and decoded masks, so a session over a large folder keeps a settable
 * amount of memory instead of growing with the number of images visited. Values are weighed once, when put;
 * an evicted or replaced value is handed to {@code onEvict} (e.g. to close a native tensor). A single value
 * larger than the bound is not kept (it is handed to {@code onEvict} at once). Thread-safe.
 *
 * @param <K> key, e.g. the image file or its content hash
 * @param <V> value
 */
public final class LruMemoryCache<K, V> {
    private final ToLongFunction<V> weigher;
    private final BiConsumer<K, V> onEvict;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long maxBytes;
    private long totalBytes;

    private record Entry<V>(V value, long bytes) {
    }

    /**
     * @param maxBytes bound on the summed weights, positive
     * @param weigher  size of a value in bytes (e.g. {@code 4L * values.length} for a float[])
     * @param onEvict  called on the calling thread, under the cache's lock, for each value that leaves
     */
    public LruMemoryCache(long maxBytes, ToLongFunction<V> weigher, BiConsumer<K, V> onEvict) {
        this.weigher = Objects.requireNonNull(weigher, "weigher");
        this.onEvict = Objects.requireNonNull(onEvict, "onEvict");
        setMaxBytes(maxBytes);
    }

    /** The value for the key, marking it most recently used. */
    public synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** Stores the value (replacing and evicting any previous one for the key), then evicts beyond the bound. */
    public synchronized void put(K key, V value) {
        long bytes = weigher.applyAsLong(value);
        if (bytes < 0) {
            throw new IllegalArgumentException("negative weight " + bytes + " for " + key);
        }
        Entry<V> previous = entries.put(key, new Entry<>(value, bytes));
        totalBytes += bytes;
        if (previous != null) {
            totalBytes -= previous.bytes();
            if (previous.value() != value) {
                onEvict.accept(key, previous.value());
            }
        }
        evictBeyondBound();
    }

    /** Removes the key's value, handing it to {@code onEvict}; true if there was one. */
    public synchronized boolean remove(K key) {
        Entry<V> entry = entries.remove(key);
        if (entry == null) {
            return false;
        }
        totalBytes -= entry.bytes();
        onEvict.accept(key, entry.value());
        return true;
    }

    /** Changes the bound (a user setting); shrinking evicts at once. */
    public synchronized void setMaxBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("cache bound must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        evictBeyondBound();
    }

    public synchronized long maxBytes() {
        return maxBytes;
    }

    /** The summed weight of the values held now; never above {@link #maxBytes()}. */
    public synchronized long totalBytes() {
        return totalBytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Evicts everything (e.g. when a folder is closed). */
    public synchronized void clear() {
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, Entry<V>> eldest = it.next();
            it.remove();
            totalBytes -= eldest.getValue().bytes();
            onEvict.accept(eldest.getKey(), eldest.getValue().value());
        }
    }

    private void evictBeyondBound() {
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (totalBytes > maxBytes && it.hasNext()) {
            Map.Entry<K, Entry<V>> eldest = it.next();
            it.remove();
            totalBytes -= eldest.getValue().bytes();
            onEvict.accept(eldest.getKey(), eldest.getValue().value());
        }
    }
}
