package org.samannotator.core.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.mask.BitMask;

/**
 * Drops imported annotations that the project already has, so importing the same files twice adds nothing:
 * an annotation is a duplicate when an object of the same image has the same category name
 * (case-insensitive) and a mask of IoU &gt;= {@link #IOU_THRESHOLD} with it. The threshold is below 1 because
 * polygon formats written with a tolerance (or by other tools) do not give back the pixels exactly.
 */
final class DuplicateFilter {
    static final double IOU_THRESHOLD = 0.95;

    private DuplicateFilter() {
    }

    /** The dataset without duplicates; {@code removed} receives the number dropped at index 0. */
    static CocoDataset withoutDuplicates(CocoDataset dataset, AnnotationProject project, int[] removed) {
        List<CocoAnnotation> kept = new ArrayList<>();
        for (CocoAnnotation annotation : dataset.annotations()) {
            if (isDuplicate(dataset, annotation, project)) {
                removed[0]++;
            } else {
                kept.add(annotation);
            }
        }
        return new CocoDataset(dataset.info(), dataset.images(), dataset.categories(), kept, dataset.licenses());
    }

    private static boolean isDuplicate(CocoDataset dataset, CocoAnnotation annotation, AnnotationProject project) {
        Optional<CocoImage> image = dataset.imageById(annotation.imageId());
        Optional<String> name = dataset.categoryById(annotation.categoryId()).map(CocoCategory::name);
        if (image.isEmpty() || name.isEmpty()) {
            return false;
        }
        List<AnnotatedObject> existing = project.image(image.get().fileName()).objects();
        if (existing.isEmpty()) {
            return false;
        }
        BitMask mask;
        try {
            mask = annotation.toMask(image.get().size());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String key = name.get().strip().toLowerCase(Locale.ROOT);
        for (AnnotatedObject object : existing) {
            boolean sameCategory = project.category(object.categoryId()).map(Category::name)
                    .map(n -> n.toLowerCase(Locale.ROOT).equals(key)).orElse(false);
            if (sameCategory && object.mask().size().equals(mask.size())
                    && object.mask().iou(mask) >= IOU_THRESHOLD) {
                return true;
            }
        }
        return false;
    }
}
