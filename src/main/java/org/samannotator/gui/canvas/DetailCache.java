package org.samannotator.gui.canvas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.mask.PixelRect;

/**
 * The decoded detail regions of one huge image, bounded by their total decoded pixels: adding a region
 * evicts the least recently used ones until the total fits the budget (the newest region is always kept,
 * even alone above the budget). Pure logic over any image type {@code T}; regions are in ORIGINAL pixels.
 */
final class DetailCache<T> {
    /** A decoded region: {@code image} shows {@code request.region()} with every s-th pixel. */
    record Entry<T>(DetailPlan.Request request, T image) {
    }

    private final long budgetPixels;
    private final Map<DetailPlan.Request, Entry<T>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long totalPixels;

    DetailCache(long budgetPixels) {
        if (budgetPixels <= 0) {
            throw new IllegalArgumentException("budget must be positive, got " + budgetPixels);
        }
        this.budgetPixels = budgetPixels;
    }

    /** Adds (or replaces) the region, then evicts the least recently used regions above the budget. */
    void put(DetailPlan.Request request, T image) {
        Entry<T> old = entries.remove(request);
        if (old != null) {
            totalPixels -= request.pixels();
        }
        entries.put(request, new Entry<>(request, image));
        totalPixels += request.pixels();
        var eldest = entries.keySet().iterator();
        while (totalPixels > budgetPixels && entries.size() > 1) {
            DetailPlan.Request evicted = eldest.next();
            eldest.remove();
            totalPixels -= evicted.pixels();
        }
    }

    /**
     * A cached region that contains {@code visible} at {@code subsampling} or finer (marked as used), so
     * nothing needs decoding; empty when there is none.
     */
    Optional<Entry<T>> covering(PixelRect visible, int subsampling) {
        for (Entry<T> e : List.copyOf(entries.values())) {
            if (e.request().subsampling() <= subsampling && DetailPlan.contains(e.request().region(), visible)) {
                return Optional.of(entries.get(e.request()));
            }
        }
        return Optional.empty();
    }

    /**
     * The regions overlapping {@code visible}, in drawing order: coarsest first, then least recently used
     * first, so the finest and newest end on top.
     */
    List<Entry<T>> drawOrder(PixelRect visible) {
        List<Entry<T>> shown = new ArrayList<>();
        for (Entry<T> e : entries.values()) {
            if (DetailPlan.intersects(e.request().region(), visible)) {
                shown.add(e);
            }
        }
        shown.sort(Comparator.comparingInt((Entry<T> e) -> e.request().subsampling()).reversed());
        return shown;
    }

    long totalPixels() {
        return totalPixels;
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
        totalPixels = 0;
    }
}
