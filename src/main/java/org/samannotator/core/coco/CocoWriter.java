package org.samannotator.core.coco;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.samannotator.core.io.AtomicFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link CocoDataset} as COCO instances JSON (UTF-8, compact), atomically: a temporary file in
 * the same directory is written and fsynced, then renamed over the target with ATOMIC_MOVE.
 */
public final class CocoWriter {
    private CocoWriter() {
    }

    /**
     * Writes every segmentation in the form it has (RLE always as a compressed string).
     *
     * @throws IllegalArgumentException the dataset is inconsistent (duplicate ids, dangling image or
     *     category ids, RLE size not its image's size); nothing is written then
     */
    public static void write(Path file, CocoDataset dataset) throws IOException {
        requireConsistent(dataset);
        AtomicFiles.write(file, out -> CocoJson.MAPPER.writeValue(out, dataset));
    }

    /** Converts every segmentation to {@code encoding} (exactly: polygons use tolerance 0) and writes. */
    public static void write(Path file, CocoDataset dataset, SegmentationEncoding encoding) throws IOException {
        write(file, reencoded(dataset, encoding));
    }

    /** The JSON text that {@link #write(Path, CocoDataset)} would write. */
    public static String toJson(CocoDataset dataset) throws IOException {
        requireConsistent(dataset);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CocoJson.MAPPER.writeValue(bytes, dataset);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The dataset with every segmentation converted to {@code encoding}. */
    public static CocoDataset reencoded(CocoDataset dataset, SegmentationEncoding encoding) {
        requireConsistent(dataset);
        Map<Long, CocoImage> images = new HashMap<>();
        for (CocoImage image : dataset.images()) {
            images.put(image.id(), image);
        }
        List<CocoAnnotation> converted = new ArrayList<>(dataset.annotations().size());
        for (CocoAnnotation a : dataset.annotations()) {
            CocoImage image = images.get(a.imageId());
            converted.add(a.withSegmentation(a.segmentation().encodedAs(encoding, image.size())));
        }
        return new CocoDataset(dataset.info(), dataset.images(), dataset.categories(), converted, dataset.licenses());
    }

    private static void requireConsistent(CocoDataset dataset) {
        List<String> problems = CocoDatasetValidator.problems(dataset);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("inconsistent COCO dataset: " + CocoDatasetValidator.summary(problems));
        }
    }
}
