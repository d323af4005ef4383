package org.samannotator.core.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samannotator.core.io.AtomicFiles;

/**
 * The SA-1B per-image JSON of generated masks: {@code image} {image_id, width, height, file_name} and
 * {@code annotations} [{id, segmentation {size [h, w], counts (compressed COCO RLE string)}, bbox
 * [x, y, w, h] (SAM's box_xyxy_to_xywh of the inclusive mask box), area, predicted_iou, stability_score,
 * point_coords [[x, y]], crop_box [x, y, w, h]}], annotation ids 1..n in the generator's order.
 */
public final class Sa1bJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code image} record. */
    public record ImageInfo(long imageId, int width, int height, String fileName) {
    }

    private Sa1bJson() {
    }

    /** The JSON tree (maps and lists) of one image's masks. */
    public static Map<String, Object> toJson(ImageInfo image, List<GeneratedMask> masks) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> img = new LinkedHashMap<>();
        img.put("image_id", image.imageId());
        img.put("width", image.width());
        img.put("height", image.height());
        img.put("file_name", image.fileName());
        root.put("image", img);
        List<Object> annotations = new ArrayList<>(masks.size());
        for (int i = 0; i < masks.size(); i++) {
            annotations.add(annotation(i + 1, masks.get(i)));
        }
        root.put("annotations", annotations);
        return root;
    }

    /** One annotation record (without image_id / category, as in SA-1B). */
    public static Map<String, Object> annotation(long id, GeneratedMask m) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        Map<String, Object> seg = new LinkedHashMap<>();
        seg.put("size", List.of(m.rle().size().height(), m.rle().size().width()));
        seg.put("counts", m.rle().toCompressedString());
        a.put("segmentation", seg);
        a.put("bbox", m.box().toXywh());
        a.put("area", m.area());
        a.put("predicted_iou", m.predictedIou());
        a.put("stability_score", m.stabilityScore());
        a.put("point_coords", List.of(List.of(m.point().x(), m.point().y())));
        a.put("crop_box", m.crop().toXywh());
        return a;
    }

    /** The file's exact bytes (what {@link #write} writes; batch jobs on other file systems write these). */
    public static byte[] toBytes(ImageInfo image, List<GeneratedMask> masks) throws IOException {
        return JSON.writeValueAsBytes(toJson(image, masks));
    }

    /** Writes the file atomically (temporary file, fsync, rename): a crash leaves no partial file. */
    public static void write(Path file, ImageInfo image, List<GeneratedMask> masks) throws IOException {
        AtomicFiles.writeBytes(file, toBytes(image, masks));
    }

    /** Reads bytes as a tree; fails on anything that is not a complete SA-1B image JSON. */
    public static JsonNode read(byte[] bytes, String sourceName) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.path("image").isObject() || !root.path("annotations").isArray()) {
            throw new IOException(sourceName + " is not an SA-1B image JSON (needs 'image' and 'annotations')");
        }
        return root;
    }

    /** Reads a file back as a tree; fails on anything that is not a complete SA-1B image JSON. */
    public static JsonNode read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.path("image").isObject() || !root.path("annotations").isArray()) {
            throw new IOException(file + " is not an SA-1B image JSON (needs 'image' and 'annotations')");
        }
        return root;
    }
}
