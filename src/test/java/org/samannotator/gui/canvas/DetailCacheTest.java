package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.samannotator.core.mask.PixelRect;

/** {@link DetailCache}: bounded by decoded pixels, least recently used out first, coverage and drawing order. */
class DetailCacheTest {
    private static DetailPlan.Request request(int x, int y, int side, int subsampling) {
        return new DetailPlan.Request(new PixelRect(x, y, side, side), subsampling);
    }

    @Test
    void totalPixelsStayWithinTheBudgetEvictingTheLeastRecentlyUsed() {
        DetailCache<String> cache = new DetailCache<>(25_000);
        cache.put(request(0, 0, 100, 1), "a"); // 10,000 pixels
        cache.put(request(100, 0, 100, 1), "b");
        cache.covering(new PixelRect(10, 10, 20, 20), 1); // a is used again: b is now the eldest
        cache.put(request(200, 0, 100, 1), "c");
        assertEquals(2, cache.size());
        assertEquals(20_000, cache.totalPixels());
        assertTrue(cache.covering(new PixelRect(10, 10, 20, 20), 1).isPresent(), "a kept");
        assertTrue(cache.covering(new PixelRect(110, 10, 20, 20), 1).isEmpty(), "b evicted");
        for (int i = 0; i < 50; i++) {
            cache.put(request(i * 100, 500, 100, 1), "n" + i);
            assertTrue(cache.totalPixels() <= 25_000, "total " + cache.totalPixels());
        }
    }

    @Test
    void aRegionAboveTheBudgetIsKeptAloneAndSubsamplingCountsDecodedPixels() {
        DetailCache<String> cache = new DetailCache<>(25_000);
        cache.put(request(0, 0, 100, 1), "a");
        cache.put(request(0, 0, 400, 2), "big"); // 200 x 200 decoded = 40,000
        assertEquals(1, cache.size());
        assertEquals(40_000, cache.totalPixels());
        cache.put(request(0, 0, 400, 2), "big again");
        assertEquals(40_000, cache.totalPixels(), "replacing does not count twice");
    }

    @Test
    void coveringNeedsTheWholeVisiblePartAtTheSubsamplingOrFiner() {
        DetailCache<String> cache = new DetailCache<>(1_000_000);
        cache.put(request(0, 0, 1000, 4), "coarse");
        assertEquals("coarse", cache.covering(new PixelRect(100, 100, 500, 500), 4).orElseThrow().image());
        assertEquals("coarse", cache.covering(new PixelRect(100, 100, 500, 500), 6).orElseThrow().image());
        assertTrue(cache.covering(new PixelRect(100, 100, 500, 500), 2).isEmpty(), "too coarse for zoom 1/2");
        assertTrue(cache.covering(new PixelRect(900, 100, 200, 200), 4).isEmpty(), "sticks out");
    }

    @Test
    void drawOrderIsCoarsestFirstThenOldestAndOnlyWhatOverlaps() {
        DetailCache<String> cache = new DetailCache<>(10_000_000);
        cache.put(request(0, 0, 512, 1), "fine old");
        cache.put(request(0, 0, 2048, 4), "coarse");
        cache.put(request(256, 0, 512, 1), "fine new");
        cache.put(request(5000, 5000, 512, 1), "elsewhere");
        List<String> order = cache.drawOrder(new PixelRect(300, 100, 100, 100)).stream()
                .map(DetailCache.Entry::image).toList();
        assertEquals(List.of("coarse", "fine old", "fine new"), order);
        cache.clear();
        assertEquals(0, cache.size());
        assertEquals(0, cache.totalPixels());
    }
}
