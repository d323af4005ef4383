package org.samannotator.core.annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a loaded project consistent, saying what it changed: an image listed twice is merged into one entry,
 * a second category with an id already used gets a new id, an object of an unknown category gets a new
 * category "unknown N", an object whose id is already used gets a new id, an object whose mask does not have
 * its image's size is left out, and the next object id is moved beyond every id in use. The caller keeps
 * the original file, so nothing left out is lost. An image whose entry in the file is unread is checked on
 * the keys the opening scan read ({@link EntryKeys}) and read only when one of its objects must change.
 */
final class ProjectRepairs {
    private final List<String> notes = new ArrayList<>();

    /** True when {@link #repair} would change nothing in {@code data}. */
    static boolean isConsistent(ProjectData data) {
        ProjectRepairs repairs = new ProjectRepairs();
        repairs.apply(data);
        return repairs.notes.isEmpty();
    }

    /** The consistent project; {@code notes} receives one sentence per repair. */
    static ProjectData repair(ProjectData data, List<String> notes) {
        ProjectRepairs repairs = new ProjectRepairs();
        ProjectData repaired = repairs.apply(data);
        notes.addAll(repairs.notes);
        return repaired;
    }

    private ProjectData apply(ProjectData data) {
        List<Category> categories = uniqueCategories(data.categories());
        KnownCategories categoryIds = new KnownCategories(categories);
        ObjectIdUse ids = ObjectIdUse.of(data.images());
        long nextId = data.nextObjectId();
        long maxId = ids.max();
        if (nextId <= maxId) {
            notes.add("the next object id " + nextId + " was not beyond the ids in use (up to " + maxId + ")");
            nextId = maxId + 1;
        }
        Set<Long> duplicated = ids.duplicated();
        Set<Long> seen = new HashSet<>();
        List<ImageAnnotations> images = new ArrayList<>();
        for (ImageAnnotations image : mergeDuplicateImages(data.images())) {
            Optional<EntryKeys> keys = unreadKeys(image);
            if (keys.isPresent() && !needsObjectRepair(image, keys.get(), duplicated, seen)) {
                // nothing to change in its objects: the entry stays unread (and its text is saved as it was)
                for (int k = 0; k < keys.get().count(); k++) {
                    if (!duplicated.isEmpty() && duplicated.contains(keys.get().ids()[k])) {
                        seen.add(keys.get().ids()[k]);
                    }
                    addUnknownCategory(keys.get().categoryIds()[k], categories, categoryIds);
                }
                images.add(image);
                continue;
            }
            List<AnnotatedObject> objects = new ArrayList<>();
            for (AnnotatedObject object : image.objects()) {
                if (image.size().isPresent() && !image.size().get().equals(object.storedMask().size())) {
                    notes.add("object " + object.id() + " of " + image.fileName() + " was left out: its mask is "
                            + object.storedMask().width() + " x " + object.storedMask().height() + ", the image "
                            + image.size().get().width() + " x " + image.size().get().height());
                    continue;
                }
                addUnknownCategory(object.categoryId(), categories, categoryIds);
                if (!seen.add(object.id())) {
                    notes.add("a second object " + object.id() + " of " + image.fileName() + " got the new id " + nextId);
                    object = new AnnotatedObject(nextId++, object.categoryId(), object.storedMask(), object.prompts(),
                            object.predictedIou(), object.secondsSpent(), object.origin());
                    seen.add(object.id());
                }
                objects.add(object);
            }
            // an image nothing was repaired in stays the same instance (the writer caches its text by identity)
            images.add(sameInstances(objects, image.objects()) ? image : image.withObjects(objects));
        }
        return new ProjectData(categories, images, data.currentImage(), nextId);
    }

    /** The category ids in use, checked without boxing (opening checks every object's). */
    private static final class KnownCategories {
        private int[] sorted;

        KnownCategories(List<Category> categories) {
            sorted = categories.stream().mapToInt(Category::id).sorted().toArray();
        }

        /** Adds {@code id}; true when it was not known. */
        boolean add(int id) {
            int at = java.util.Arrays.binarySearch(sorted, id);
            if (at >= 0) {
                return false;
            }
            int insert = -at - 1;
            int[] grown = new int[sorted.length + 1];
            System.arraycopy(sorted, 0, grown, 0, insert);
            grown[insert] = id;
            System.arraycopy(sorted, insert, grown, insert + 1, sorted.length - insert);
            sorted = grown;
            return true;
        }
    }

    /** The scan's keys of an image whose entry is unread and whose keys are all there. */
    private static Optional<EntryKeys> unreadKeys(ImageAnnotations image) {
        return image.objects() instanceof EntryList<AnnotatedObject> list
                ? list.unreadKeys().filter(EntryKeys::complete) : Optional.empty();
    }

    /**
     * True when an object of the unread image must change: its mask has another size, or its id is a second
     * use of an id (used by an earlier image, {@code seen}, or earlier in this one).
     */
    private static boolean needsObjectRepair(ImageAnnotations image, EntryKeys keys, Set<Long> duplicated,
            Set<Long> seen) {
        Set<Long> here = duplicated.isEmpty() ? Set.of() : new HashSet<>();
        for (int k = 0; k < keys.count(); k++) {
            boolean otherSize = image.size().isPresent() && (image.size().get().width() != keys.widths()[k]
                    || image.size().get().height() != keys.heights()[k]);
            long id = keys.ids()[k];
            if (otherSize || !duplicated.isEmpty() && duplicated.contains(id) && (seen.contains(id) || !here.add(id))) {
                return true;
            }
        }
        return false;
    }

    private void addUnknownCategory(int categoryId, List<Category> categories, KnownCategories categoryIds) {
        if (categoryIds.add(categoryId)) {
            categories.add(unknownCategory(categoryId, categories));
        }
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
