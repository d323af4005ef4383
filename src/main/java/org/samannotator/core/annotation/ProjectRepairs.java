package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a loaded project consistent, saying what it changed: an image listed twice is merged into one entry,
 * a second category with an id already used gets a new id, an object of an unknown category gets a new
 * category "unknown N", an object whose id is already used gets a new id, an object whose mask does not have
 * its image's size is left out, and the next object id is moved beyond every id in use. The caller keeps
 * the original file, so nothing left out is lost.
 */
final class ProjectRepairs {
    private final List<String> notes = new ArrayList<>();

    /** The consistent project; {@code notes} receives one sentence per repair. */
    static ProjectData repair(ProjectData data, List<String> notes) {
        ProjectRepairs repairs = new ProjectRepairs();
        ProjectData repaired = repairs.apply(data);
        notes.addAll(repairs.notes);
        return repaired;
    }

    private ProjectData apply(ProjectData data) {
        List<Category> categories = uniqueCategories(data.categories());
        Set<Integer> categoryIds = new HashSet<>();
        categories.forEach(c -> categoryIds.add(c.id()));
        long nextId = data.nextObjectId();
        Set<Long> ids = new HashSet<>();
        data.images().forEach(i -> i.objects().forEach(o -> ids.add(o.id())));
        long maxId = ids.stream().mapToLong(Long::longValue).max().orElse(0);
        if (nextId <= maxId) {
            notes.add("the next object id " + nextId + " was not beyond the ids in use (up to " + maxId + ")");
            nextId = maxId + 1;
        }
        Set<Long> seen = new HashSet<>();
        List<ImageAnnotations> images = new ArrayList<>();
        for (ImageAnnotations image : mergeDuplicateImages(data.images())) {
            List<AnnotatedObject> objects = new ArrayList<>();
            for (AnnotatedObject object : image.objects()) {
                if (image.size().isPresent() && !image.size().get().equals(object.storedMask().size())) {
                    notes.add("object " + object.id() + " of " + image.fileName() + " was left out: its mask is "
                            + object.storedMask().width() + " x " + object.storedMask().height() + ", the image "
                            + image.size().get().width() + " x " + image.size().get().height());
                    continue;
                }
                if (!categoryIds.contains(object.categoryId())) {
                    categories.add(unknownCategory(object.categoryId(), categories));
                    categoryIds.add(object.categoryId());
                }
                if (!seen.add(object.id())) {
                    notes.add("a second object " + object.id() + " of " + image.fileName() + " got the new id " + nextId);
                    object = new AnnotatedObject(nextId++, object.categoryId(), object.storedMask(), object.prompts(),
                            object.predictedIou(), object.secondsSpent(), ObjectOrigin.MANUAL);
                    seen.add(object.id());
                }
                objects.add(object);
            }
            // an image nothing was repaired in stays the same instance (the writer caches its text by identity)
            images.add(sameInstances(objects, image.objects()) ? image : image.withObjects(objects));
        }
        return new ProjectData(categories, images, data.currentImage(), nextId);
    }

    private static boolean sameInstances(List<AnnotatedObject> a, List<AnnotatedObject> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private List<Category> uniqueCategories(List<Category> categories) {
        List<Category> unique = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        int maxId = categories.stream().mapToInt(Category::id).max().orElse(0);
        for (Category c : categories) {
            if (ids.add(c.id())) {
                unique.add(c);
            } else {
                int newId = ++maxId;
                notes.add("a second category with id " + c.id() + " (\"" + c.name() + "\") got the new id " + newId);
                unique.add(new Category(newId, c.name(), c.rgb()));
                ids.add(newId);
            }
        }
        return unique;
    }

    private Category unknownCategory(int id, List<Category> categories) {
        notes.add("objects of the unknown category " + id + " were given a new category \"unknown " + id + "\"");
        return new Category(id, "unknown " + id, CategoryPalette.colour(categories.size()));
    }

    private List<ImageAnnotations> mergeDuplicateImages(List<ImageAnnotations> images) {
        Map<String, ImageAnnotations> byFile = new LinkedHashMap<>();
        for (ImageAnnotations image : images) {
            ImageAnnotations earlier = byFile.get(image.fileName());
            if (earlier == null) {
                byFile.put(image.fileName(), image);
            } else {
                notes.add(image.fileName() + " was listed twice: its objects were merged");
                List<AnnotatedObject> objects = new ArrayList<>(earlier.objects());
                objects.addAll(image.objects());
                byFile.put(image.fileName(), earlier.withObjects(objects));
            }
        }
        return new ArrayList<>(byFile.values());
    }
}
