package org.samannotator.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LruMemoryCacheTest {
    private final List<String> evicted = new ArrayList<>();
    private final LruMemoryCache<String, byte[]> cache = new LruMemoryCache<>(10, v -> v.length,
            (key, value) -> evicted.add(key));

    @Test
    void evictsLeastRecentlyUsedBeyondTheBound() {
        cache.put("a", new byte[4]);
        cache.put("b", new byte[4]);
        assertTrue(cache.get("a").isPresent()); // a is now more recent than b
        cache.put("c", new byte[4]);
        assertEquals(List.of("b"), evicted);
        assertEquals(8, cache.totalBytes());
        assertFalse(cache.get("b").isPresent());
    }

    @Test
    void shrinkingTheBoundEvictsAtOnce() {
        cache.put("a", new byte[4]);
        cache.put("b", new byte[4]);
        cache.setMaxBytes(5);
        assertEquals(List.of("a"), evicted);
        assertEquals(4, cache.totalBytes());
        assertThrows(IllegalArgumentException.class, () -> cache.setMaxBytes(0));
    }

    @Test
    void replacingAValueHandsTheOldOneToOnEvict() {
        cache.put("a", new byte[4]);
        cache.put("a", new byte[6]);
        assertEquals(List.of("a"), evicted);
        assertEquals(6, cache.totalBytes());
        assertEquals(1, cache.size());
    }

    @Test
    void aValueLargerThanTheBoundIsNotKept() {
        cache.put("huge", new byte[11]);
        assertEquals(List.of("huge"), evicted);
        assertEquals(0, cache.totalBytes());
    }

    @Test
    void removeAndClearEvict() {
        cache.put("a", new byte[2]);
        cache.put("b", new byte[2]);
        assertTrue(cache.remove("a"));
        assertFalse(cache.remove("a"));
        cache.clear();
        assertEquals(List.of("a", "b"), evicted);
        assertEquals(0, cache.size());
        assertEquals(0, cache.totalBytes());
    }
}
