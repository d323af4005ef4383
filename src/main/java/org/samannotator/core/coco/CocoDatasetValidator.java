package org.samannotator.core.coco;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samannotator.core.coco.CocoSegmentation.RleSegmentation;

/**
 * Cross-reference checks a JSON schema cannot express: unique ids, annotations referring to existing images
 * and categories, RLE sizes equal to their image's size.
 */
final class CocoDatasetValidator {
    private static final int MAX_LISTED = 5;

    private CocoDatasetValidator() {
    }

    /** All problems found, each naming its JSON location; empty when the dataset is consistent. */
    static List<String> problems(CocoDataset dataset) {
        List<String> problems = new ArrayList<>();
        Map<Long, CocoImage> images = new HashMap<>();
        for (int i = 0; i < dataset.images().size(); i++) {
            CocoImage image = dataset.images().get(i);
            if (images.putIfAbsent(image.id(), image) != null) {
                problems.add("images[" + i + "]: duplicate image id " + image.id());
            }
        }
        Set<Long> categories = new HashSet<>();
        for (int i = 0; i < dataset.categories().size(); i++) {
            if (!categories.add(dataset.categories().get(i).id())) {
                problems.add("categories[" + i + "]: duplicate category id " + dataset.categories().get(i).id());
            }
        }
        Set<Long> annotationIds = new HashSet<>();
        for (int i = 0; i < dataset.annotations().size(); i++) {
            checkAnnotation(i, dataset.annotations().get(i), images, categories, annotationIds, problems);
        }
        return problems;
    }

    /** One message for a list of problems: the first few and how many more. */
    static String summary(List<String> problems) {
        String listed = String.join("; ", problems.subList(0, Math.min(MAX_LISTED, problems.size())));
        return problems.size() <= MAX_LISTED ? listed : listed + "; and " + (problems.size() - MAX_LISTED) + " more";
    }

    private static void checkAnnotation(int index, CocoAnnotation a, Map<Long, CocoImage> images,
            Set<Long> categories, Set<Long> annotationIds, List<String> problems) {
        String where = "annotations[" + index + "] (id " + a.id() + "): ";
        if (!annotationIds.add(a.id())) {
            problems.add(where + "duplicate annotation id");
        }
        CocoImage image = images.get(a.imageId());
        if (image == null) {
            problems.add(where + "image_id " + a.imageId() + " is not in images");
        }
        if (!categories.contains(a.categoryId())) {
            problems.add(where + "category_id " + a.categoryId() + " is not in categories");
        }
        if (image != null && a.segmentation() instanceof RleSegmentation r && !r.rle().size().equals(image.size())) {
            problems.add(where + "RLE size [h, w] = [" + r.rle().size().height() + ", " + r.rle().size().width()
                    + "] differs from image " + image.id() + " [" + image.height() + ", " + image.width() + "]");
        }
    }
}
