package org.samannotator.core.coco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A COCO annotation with a "bbox" but no "segmentation" (what a detector writes): image, category and box
 * ([x, y, width, height], pixels). {@code index} is its position in the file's "annotations" list,
 * {@code place} says it for messages with the line it starts on.
 */
public record CocoBoxAnnotation(int index, String place, long imageId, long categoryId, CocoBbox bbox) {

    /**
     * Removes the box-only annotations from {@code root}'s "annotations" (so the rest reads as COCO) and
     * returns them; a malformed one is an error naming its place in the file.
     */
    static List<CocoBoxAnnotation> takeBoxOnly(Path file, JsonNode root) throws CocoFormatException {
        List<CocoBoxAnnotation> boxes = new ArrayList<>();
        if (!(root.path("annotations") instanceof ArrayNode annotations)) {
            return boxes;
        }
        List<Integer> lines = annotationLines(file);
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            JsonNode a = annotations.get(i);
            JsonNode segmentation = a.get("segmentation");
            boolean noSegmentation = segmentation == null || segmentation.isNull()
                    || segmentation.isArray() && segmentation.isEmpty();
            if (!a.isObject() || !noSegmentation || !a.has("bbox")) {
                continue;
            }
            boxes.add(parse(file, i, where(i, lines), a));
            taken.add(i);
        }
        for (int k = taken.size() - 1; k >= 0; k--) {
            annotations.remove(taken.get(k));
        }
        return boxes;
    }

    /** "annotations[i] (line n)": the place of annotation {@code index} in the file. */
    private static String where(int index, List<Integer> lines) {
        return "annotations[" + index + "]" + (index < lines.size() ? " (line " + lines.get(index) + ")" : "");
    }

    /** The line each element of the top-level "annotations" array starts on (empty when it cannot be read). */
    private static List<Integer> annotationLines(Path file) {
        List<Integer> lines = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = CocoJson.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if (name.equals("annotations") && value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                        lines.add(parser.currentLocation().getLineNr());
                        parser.skipChildren();
                    }
                    return lines;
                }
                parser.skipChildren();
            }
        } catch (java.io.IOException e) {
            // the tree was read already; without lines the index still names the annotation
        }
        return lines;
    }

    private static CocoBoxAnnotation parse(Path file, int index, String where, JsonNode a) throws CocoFormatException {
        if (!a.path("image_id").canConvertToLong() || !a.path("category_id").canConvertToLong()) {
            throw new CocoFormatException(file, where + ": a box needs numeric \"image_id\" and \"category_id\"");
        }
        JsonNode b = a.get("bbox");
        if (!b.isArray() || b.size() != 4 || !b.get(0).isNumber() || !b.get(1).isNumber() || !b.get(2).isNumber()
                || !b.get(3).isNumber()) {
            throw new CocoFormatException(file, where + ".bbox: must be [x, y, width, height] with four numbers");
        }
        CocoBbox bbox;
        try {
            bbox = new CocoBbox(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
        } catch (IllegalArgumentException e) {
            throw new CocoFormatException(file, where + ".bbox: " + e.getMessage());
        }
        if (bbox.width() < 1 || bbox.height() < 1) {
            throw new CocoFormatException(file, where + ".bbox: width and height must be at least 1 pixel");
        }
        return new CocoBoxAnnotation(index, where, a.get("image_id").asLong(), a.get("category_id").asLong(), bbox);
    }

    /** Every box must name an image and a category of {@code dataset}. */
    static void checkReferences(Path file, List<CocoBoxAnnotation> boxes, CocoDataset dataset) throws CocoFormatException {
        Set<Long> images = new HashSet<>();
        dataset.images().forEach(i -> images.add(i.id()));
        Set<Long> categories = new HashSet<>();
        dataset.categories().forEach(c -> categories.add(c.id()));
        for (CocoBoxAnnotation box : boxes) {
            if (!images.contains(box.imageId())) {
                throw new CocoFormatException(file, box.place() + ": unknown image_id " + box.imageId());
            }
            if (!categories.contains(box.categoryId())) {
                throw new CocoFormatException(file, box.place() + ": unknown category_id " + box.categoryId());
            }
        }
    }
}
