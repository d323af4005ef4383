package org.samannotator.core.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/**
 * Collects what a reader found into a {@link CocoDataset}: images by file name, categories by name
 * (case-insensitive, first spelling kept, ids 1..n in order of appearance) and one RLE annotation per mask.
 * Empty masks (e.g. a polygon of no area) are left out and counted.
 */
final class DatasetBuilder {
    private final Map<String, CocoImage> images = new LinkedHashMap<>();
    private final Map<String, CocoCategory> categories = new LinkedHashMap<>();
    private final List<CocoAnnotation> annotations = new ArrayList<>();
    private final Map<Long, Integer> objectsPerImage = new java.util.HashMap<>();
    private int emptyMasks;

    /** Registers the image (once) and returns its id. */
    long image(String fileName, Size size) {
        return images.computeIfAbsent(fileName,
                f -> new CocoImage(images.size() + 1L, f, size.width(), size.height())).id();
    }

    /** The id of the category with this name, added when new. */
    long category(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return categories.computeIfAbsent(key, k -> CocoCategory.of(categories.size() + 1L, name.strip())).id();
    }

    /** Adds an object; {@code mask} has its image's (width, height). */
    void add(long imageId, long categoryId, BitMask mask) {
        if (mask.isEmpty()) {
            emptyMasks++;
            return;
        }
        int order = objectsPerImage.merge(imageId, 1, Integer::sum);
        annotations.add(CocoAnnotation.fromMask(annotations.size() + 1L, imageId, categoryId, mask).withOrder(order));
    }

    int emptyMasks() {
        return emptyMasks;
    }

    CocoDataset build() {
        return CocoDataset.of(List.copyOf(images.values()), List.copyOf(categories.values()), annotations);
    }
}
