package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoCategory;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.io.AtomicFiles;

/** Helpers shared by the writers: stems that must be unique, category positions, copying images. */
final class ExportFiles {
    private ExportFiles() {
    }

    /**
     * Checks that no two images share a stem (YOLO and VOC name their files by stem).
     *
     * @throws IOException naming both images
     */
    static void requireUniqueStems(CocoDataset dataset, String formatName) throws IOException {
        Map<String, String> seen = new HashMap<>();
        for (CocoImage image : dataset.images()) {
            String previous = seen.putIfAbsent(FolderImages.stem(image.fileName()), image.fileName());
            if (previous != null) {
                throw new IOException(formatName + " names label files by the image name without extension, and "
                        + previous + " and " + image.fileName() + " would share one; rename one of them");
            }
        }
    }

    /** Position (0-based) of each category id in the dataset's category list. */
    static Map<Long, Integer> categoryPositions(CocoDataset dataset) {
        Map<Long, Integer> positions = new HashMap<>();
        List<CocoCategory> categories = dataset.categories();
        for (int i = 0; i < categories.size(); i++) {
            positions.put(categories.get(i).id(), i);
        }
        return positions;
    }

    static String categoryName(CocoDataset dataset, CocoAnnotation annotation) {
        Optional<CocoCategory> category = dataset.categoryById(annotation.categoryId());
        return category.map(CocoCategory::name).orElseThrow(() -> new IllegalArgumentException(
                "annotation " + annotation.id() + " has unknown category " + annotation.categoryId()));
    }

    /** Copies the image file into {@code targetDir} (atomically), unless an identical-size copy is there. */
    static void copyImage(Path imageFolder, String fileName, Path targetDir) throws IOException {
        Path source = imageFolder.resolve(fileName);
        Path target = targetDir.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            return;
        }
        AtomicFiles.write(target, out -> Files.copy(source, out));
    }

    /** Writes UTF-8 text atomically. */
    static void writeText(Path file, String text) throws IOException {
        AtomicFiles.writeBytes(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
