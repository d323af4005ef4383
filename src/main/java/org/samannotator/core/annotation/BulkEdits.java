package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The image states of the project's edits that touch many objects at once: deleting a category, importing. */
final class BulkEdits {
    private BulkEdits() {
    }

    /**
     * Puts into {@code before} / {@code after} every image with objects of category {@code categoryId}, after
     * deleting those objects or moving them to another category as {@code deletion} says.
     */
    static void deleteCategoryObjects(Collection<ImageAnnotations> images, int categoryId, CategoryDeletion deletion,
            Map<String, ImageAnnotations> before, Map<String, ImageAnnotations> after) {
        for (ImageAnnotations image : images) {
            if (image.objects().stream().anyMatch(o -> o.categoryId() == categoryId)) {
                before.put(image.fileName(), image);
                after.put(image.fileName(), image.withObjects(objectsAfterDeleting(image, categoryId, deletion)));
            }
        }
    }

    private static List<AnnotatedObject> objectsAfterDeleting(ImageAnnotations image, int categoryId,
            CategoryDeletion deletion) {
        List<AnnotatedObject> kept = new ArrayList<>();
        for (AnnotatedObject o : image.objects()) {
            if (o.categoryId() != categoryId) {
                kept.add(o);
            } else if (deletion.policy() == CategoryDeletion.Policy.REASSIGN) {
                kept.add(o.withCategory(deletion.targetCategoryId()));
            }
        }
        return kept;
    }

    /**
     * {@code image} with {@code imported} objects added (fresh ids from {@code nextId}, in list order), "in
     * progress" when it was not started, and the objects' mask size when its own size is not known yet.
     */
    static ImageAnnotations withImported(ImageAnnotations image, List<ImportedObject> imported, LongSupplier nextId) {
        List<AnnotatedObject> objects = new ArrayList<>(image.objects());
        for (ImportedObject o : imported) {
            objects.add(new AnnotatedObject(nextId.getAsLong(), o.categoryId(), o.mask(), o.prompts(),
                    o.predictedIou(), o.secondsSpent(), o.origin()));
        }
        ImageAnnotations changed = image.withObjects(objects);
        if (image.size().isEmpty()) {
            changed = changed.withSize(imported.get(0).mask().size());
        }
        return changed.status() == ImageStatus.NOT_STARTED ? changed.withStatus(ImageStatus.IN_PROGRESS) : changed;
    }
}
