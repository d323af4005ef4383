package org.samannotator.core.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoBbox;
import org.samannotator.core.coco.CocoBoxAnnotation;
import org.samannotator.core.coco.CocoBoxImport;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.coco.CocoPrompts;
import org.samannotator.core.coco.CocoReader;
import org.samannotator.core.coco.CocoWriter;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;

/**
 * COCO export and import of a project. Export writes every image of the folder (ids 1..n in folder order,
 * with its width and height), the categories (with "color" "#rrggbb") and every object as an annotation
 * (segmentation RLE or polygons with holes, bbox, area, iscrowd 0, plus "prompts", "predicted_iou",
 * "seconds_spent" and "order" = creation order within its image). Import matches categories by name
 * (case-insensitive, adding the missing ones) and images by file name, as one undoable edit.
 */
public final class CocoExchange {
    private CocoExchange() {
    }

    /** What an export wrote. {@code unreadableImages} were left out because their size could not be read. */
    public record ExportSummary(int images, int annotations, List<String> unreadableImages) {
    }

    /**
     * What an import added. {@code missingImages} are file names of the COCO file not in the folder;
     * {@code mismatchedImages} describe images of the folder whose COCO width/height differ from the image's
     * (or whose size could not be read): their annotations were skipped.
     */
    public record ImportSummary(int objects, int images, int newCategories, List<String> missingImages,
            List<String> mismatchedImages, int boxSuggestions) {
        public ImportSummary(int objects, int images, int newCategories, List<String> missingImages,
                List<String> mismatchedImages) {
            this(objects, images, newCategories, missingImages, mismatchedImages, 0);
        }
    }

    /** The project as a COCO dataset; sizes of images never opened are read from their headers. */
    public static CocoDataset toDataset(AnnotationProject project, Path folder, List<String> imageFiles,
            List<String> unreadable) {
        List<CocoImage> images = new ArrayList<>();
        List<CocoAnnotation> annotations = new ArrayList<>();
        long imageId = 0;
        for (String file : imageFiles) {
            imageId++;
            ImageAnnotations image = project.image(file);
            Optional<Size> size = image.size().or(() -> readSize(folder.resolve(file)));
            if (size.isEmpty()) {
                unreadable.add(file);
                continue;
            }
            images.add(new CocoImage(imageId, file, size.get().width(), size.get().height()));
            int order = 0;
            for (AnnotatedObject o : image.objects()) {
                annotations.add(annotation(o, imageId, ++order));
            }
        }
        List<CocoCategory> categories = project.categories().stream()
                .map(c -> new CocoCategory(c.id(), c.name(), null, c.hexColour())).toList();
        return CocoDataset.of(images, categories, annotations);
    }

    private static CocoAnnotation annotation(AnnotatedObject o, long imageId, int order) {
        CocoAnnotation annotation = CocoAnnotation.fromMask(o.id(), imageId, o.categoryId(), o.mask());
        if (!o.prompts().isEmpty()) {
            annotation = annotation.withPrompts(CocoPrompts.of(o.prompts().points(), o.prompts().box()));
        }
        if (o.predictedIou().isPresent()) {
            annotation = annotation.withPredictedIou(o.predictedIou().getAsDouble());
        }
        return annotation.withSecondsSpent(o.secondsSpent()).withOrder(order).withOrigin(o.origin().fileName());
    }

    /**
     * Age beyond which a temporary file of an earlier export of the same file is taken for the leftover of a
     * killed export and deleted (exports take no lock; a current export's file is younger).
     */
    public static final java.time.Duration STALE_EXPORT_TEMPORARY = java.time.Duration.ofMinutes(10);

    /**
     * Writes the COCO file atomically with the given segmentation encoding, first deleting what killed exports
     * of the same file left ({@link #STALE_EXPORT_TEMPORARY}).
     */
    public static ExportSummary export(AnnotationProject project, Path folder, List<String> imageFiles, Path target,
            SegmentationEncoding encoding) throws IOException {
        List<String> unreadable = new ArrayList<>();
        CocoDataset dataset = toDataset(project, folder, imageFiles, unreadable);
        org.samannotator.core.io.AtomicFiles.deleteStaleTemporaryFiles(target, STALE_EXPORT_TEMPORARY);
        CocoWriter.write(target, dataset, encoding);
        return new ExportSummary(dataset.images().size(), dataset.annotations().size(), List.copyOf(unreadable));
    }

    /**
     * Reads a COCO file and adds its annotations to the project (one undoable edit). An image's COCO
     * width/height must equal the size the project knows, or else the size read from {@code folder}'s file;
     * images that differ are skipped and listed in {@link ImportSummary#mismatchedImages()}. Annotations with
     * a bbox and no segmentation (a detector's output) become box suggestions, decoded by the model and
     * reviewed in the app.
     */
    public static ImportSummary importFile(AnnotationProject project, Path folder, List<String> imageFiles,
            Path source) throws IOException {
        CocoBoxImport read = CocoReader.readWithBoxes(source);
        CocoDataset dataset = read.dataset();
        Map<Long, Integer> categoryIds = new HashMap<>();
        List<Category> added = mapCategories(project, dataset, categoryIds);
        Map<String, List<ImportedObject>> byImage = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        Map<String, List<Suggestion>> boxesByImage = new LinkedHashMap<>();
        java.util.Set<String> inFolder = new java.util.HashSet<>(imageFiles);
        for (CocoImage image : dataset.images()) {
            if (!inFolder.contains(image.fileName())) {
                missing.add(image.fileName());
                continue;
            }
            Optional<String> mismatch = sizeMismatch(project, folder, image);
            if (mismatch.isPresent()) {
                mismatched.add(mismatch.get());
                continue;
            }
            for (CocoAnnotation a : dataset.annotationsOf(image.id())) {
                byImage.computeIfAbsent(image.fileName(), k -> new ArrayList<>()).add(imported(a, image, categoryIds));
            }
            for (CocoBoxAnnotation b : read.boxes()) {
                if (b.imageId() == image.id()) {
                    boxesByImage.computeIfAbsent(image.fileName(), k -> new ArrayList<>()).add(boxSuggestion(b, image,
                            categoryIds));
                }
            }
        }
        project.importObjects(added, byImage, boxesByImage);
        int objects = byImage.values().stream().mapToInt(List::size).sum();
        java.util.Set<String> touched = new java.util.HashSet<>(byImage.keySet());
        touched.addAll(boxesByImage.keySet());
        return new ImportSummary(objects, touched.size(), added.size(), List.copyOf(missing),
                List.copyOf(mismatched), boxesByImage.values().stream().mapToInt(List::size).sum());
    }

    /** A box-only annotation as a suggestion to decode: the box cut to the image, in the mapped category. */
    private static Suggestion boxSuggestion(CocoBoxAnnotation b, CocoImage image, Map<Long, Integer> categoryIds) {
        CocoBbox bbox = b.bbox();
        Box box = image.size().clamp(new Box(bbox.x(), bbox.y(), bbox.x() + bbox.width(), bbox.y() + bbox.height()));
        return Suggestion.importedBox(box, categoryIds.get(b.categoryId()));
    }

    /** Empty when the COCO image's size equals the image's known or readable size; else why it is skipped. */
    private static Optional<String> sizeMismatch(AnnotationProject project, Path folder, CocoImage image) {
        String file = image.fileName();
        Optional<Size> known = project.image(file).size().or(() -> readSize(folder.resolve(file)));
        if (known.isEmpty()) {
            return Optional.of(file + " (its size could not be read)");
        }
        Size actual = known.get();
        if (actual.equals(image.size())) {
            return Optional.empty();
        }
        return Optional.of(file + " (COCO says " + image.width() + "x" + image.height() + ", the image is "
                + actual.width() + "x" + actual.height() + ")");
    }

    private static List<Category> mapCategories(AnnotationProject project, CocoDataset dataset,
            Map<Long, Integer> categoryIds) {
        Map<String, Integer> byName = new HashMap<>();
        project.categories().forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c.id()));
        int nextId = project.categories().stream().mapToInt(Category::id).max().orElse(0) + 1;
        List<Category> added = new ArrayList<>();
        for (CocoCategory c : dataset.categories()) {
            String key = c.name().strip().toLowerCase(Locale.ROOT);
            Integer id = byName.get(key);
            if (id == null) {
                int rgb = colourOf(c, nextId);
                Category category = new Category(nextId++, c.name(), rgb);
                added.add(category);
                id = category.id();
                byName.put(key, id);
            }
            categoryIds.put(c.id(), id);
        }
        return added;
    }

    private static int colourOf(CocoCategory category, int id) {
        try {
            return category.color() == null ? CategoryPalette.colour(id - 1)
                    : Category.parseHexColour(category.color());
        } catch (IllegalArgumentException e) {
            return CategoryPalette.colour(id - 1);
        }
    }

    private static ImportedObject imported(CocoAnnotation a, CocoImage image, Map<Long, Integer> categoryIds) {
        PromptSet prompts = a.prompts() == null ? PromptSet.EMPTY
                : new PromptSet(a.prompts().promptPoints(), a.prompts().promptBox());
        OptionalDouble iou = a.predictedIou() == null ? OptionalDouble.empty() : OptionalDouble.of(a.predictedIou());
        return new ImportedObject(categoryIds.get(a.categoryId()), a.toMask(image.size()), prompts, iou,
                a.secondsSpent() == null ? 0 : a.secondsSpent(), originOf(a));
    }

    /** The annotation's "origin"; manual when absent or not one of ours. */
    private static ObjectOrigin originOf(CocoAnnotation a) {
        try {
            return a.origin() == null ? ObjectOrigin.MANUAL : ObjectOrigin.fromFileName(a.origin());
        } catch (IllegalArgumentException e) {
            return ObjectOrigin.MANUAL;
        }
    }

    private static Optional<Size> readSize(Path file) {
        try {
            return Optional.of(ImageLoader.readSize(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
