package org.samannotator.core.annotation;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Optional;
import org.samannotator.core.cache.LruMemoryCache;
import org.samannotator.core.mask.BitMask;

/**
 * The decoded pixels of {@link StoredMask}s, least recently used out beyond a settable bound in bytes (a
 * decoded mask weighs {@code width * height / 8} bytes plus a small header: 38 KB at 640 x 480). The app
 * uses one {@link #shared()} instance whose bound is a user setting (Edit &gt; Preferences); evicted masks are
 * decoded again from their RLE when next needed, so eviction never changes what an object's mask is.
 * Entries are held by the {@link StoredMask}'s identity through a weak reference: once no object, suggestion
 * or undo step refers to a mask any more, its pixels leave the cache at the next use of it, so the cache holds
 * the masks of what exists, not of everything drawn and deleted since the start. Thread-safe.
 */
public final class DecodedMasks {
    /** Default bound of the shared cache: 128 MB, about 3,400 masks of 640 x 480 (2 of 20000 x 20000). */
    public static final long DEFAULT_MAX_BYTES = 128L << 20;
    private static final long HEADER_BYTES = 64;
    private static final DecodedMasks SHARED = new DecodedMasks(DEFAULT_MAX_BYTES);

    private final LruMemoryCache<Key, BitMask> cache;
    private final ReferenceQueue<StoredMask> unreachable = new ReferenceQueue<>();

    /** A stored mask by identity, not keeping it reachable; equal to a lookup key of the same mask. */
    private static final class Key extends WeakReference<StoredMask> {
        private final int hash;

        Key(StoredMask mask, ReferenceQueue<StoredMask> queue) {
            super(mask, queue);
            hash = System.identityHashCode(mask);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            StoredMask mask = get();
            return other instanceof Key key && mask != null && mask == key.get();
        }
    }

    /** A cache holding decoded masks up to {@code maxBytes} (positive). */
    public DecodedMasks(long maxBytes) {
        cache = new LruMemoryCache<>(maxBytes, DecodedMasks::weight, (key, mask) -> {
        });
    }

    /** The process-wide cache every {@link StoredMask} uses unless given another. */
    public static DecodedMasks shared() {
        return SHARED;
    }

    /** Bytes a decoded mask is counted as: its bit words plus a header. */
    static long weight(BitMask mask) {
        return ((mask.size().area() + 63) / 64) * 8 + HEADER_BYTES;
    }

    Optional<BitMask> get(StoredMask key) {
        dropUnreachable();
        return cache.get(new Key(key, null));
    }

    void put(StoredMask key, BitMask mask) {
        dropUnreachable();
        cache.put(new Key(key, unreachable), mask);
    }

    /** Removes the entries of masks nothing refers to any more (their keys were queued by the GC). */
    private void dropUnreachable() {
        for (Reference<? extends StoredMask> dead = unreachable.poll(); dead != null; dead = unreachable.poll()) {
            cache.remove((Key) dead);
        }
    }

    /** Changes the bound (a user setting); shrinking evicts the least recently used masks at once. */
    public void setMaxBytes(long maxBytes) {
        cache.setMaxBytes(maxBytes);
    }

    public long maxBytes() {
        return cache.maxBytes();
    }

    /** Bytes of decoded masks held now, never above {@link #maxBytes()}. */
    public long heldBytes() {
        dropUnreachable();
        return cache.totalBytes();
    }

    /** Number of decoded masks held now. */
    public int size() {
        dropUnreachable();
        return cache.size();
    }

    /** Drops every decoded mask (e.g. when a folder is closed); they are decoded again when needed. */
    public void clear() {
        cache.clear();
    }
}
