package org.samannotator.core.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.PointLabel;
import org.samannotator.core.prompt.PromptPoint;

/**
 * Maps {@link ProjectData} to and from the project file's JSON. Version 2 added each object's "origin"
 * (manual, suggested, suggested_then_edited) and each image's "suggestions"; version 1 files read with
 * origin manual and no suggestions. Masks are COCO compressed RLE strings
 * (column-major, pycocotools' format) with the image's "width"/"height"; points are [x, y, label] with
 * label 1 = foreground, 0 = background, boxes [x0, y0, x1, y1], all in original image pixels.
 */
final class ProjectJson {
    static final String FORMAT = "sam-annotator-project";
    static final int VERSION = 2;

    private ProjectJson() {
    }

    /**
     * The root object without "images" (format, version, current image, next object id, categories), in
     * the order the file has them; {@link ProjectFileStreams} writes the images after it.
     */
    static ObjectNode writeHeader(ObjectMapper mapper, ProjectData data) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        data.currentImage().ifPresent(c -> root.put("currentImage", c));
        root.put("nextObjectId", data.nextObjectId());
        ArrayNode categories = root.putArray("categories");
        for (Category c : data.categories()) {
            categories.addObject().put("id", c.id()).put("name", c.name()).put("color", c.hexColour());
        }
        return root;
    }

    /** One element of "images"; objects and suggestions write their stored RLE string as it is. */
    static ObjectNode writeImage(ObjectMapper mapper, ImageAnnotations image) {
        ObjectNode node = mapper.createObjectNode().put("file", image.fileName()).put("status", image.status().fileName());
        image.size().ifPresent(s -> node.put("width", s.width()).put("height", s.height()));
        ArrayNode objects = node.putArray("objects");
        image.objects().forEach(o -> writeObject(objects.addObject(), o));
        if (!image.suggestions().isEmpty()) {
            ArrayNode suggestions = node.putArray("suggestions");
            image.suggestions().forEach(s -> writeSuggestion(suggestions.addObject(), s));
        }
        return node;
    }

    private static void writeObject(ObjectNode node, AnnotatedObject object) {
        node.put("id", object.id()).put("categoryId", object.categoryId());
        StoredMask mask = object.storedMask();
        node.put("width", mask.width()).put("height", mask.height());
        node.put("rle", mask.rle());
        writePrompts(node, object.prompts());
        object.predictedIou().ifPresent(iou -> node.put("predictedIou", iou));
        node.put("secondsSpent", object.secondsSpent());
        node.put("origin", object.origin().fileName());
    }

    private static void writeSuggestion(ObjectNode node, Suggestion suggestion) {
        node.put("id", suggestion.id()).put("source", suggestion.source().fileName());
        suggestion.categoryId().ifPresent(c -> node.put("categoryId", c));
        suggestion.storedMask().ifPresent(m -> node.put("width", m.width()).put("height", m.height())
                .put("rle", m.rle()));
        writePrompts(node, suggestion.prompts());
        suggestion.predictedIou().ifPresent(iou -> node.put("predictedIou", iou));
        suggestion.stabilityScore().ifPresent(s -> node.put("stabilityScore", s));
    }

    private static void writePrompts(ObjectNode node, PromptSet prompts) {
        ArrayNode points = node.putArray("points");
        for (PromptPoint p : prompts.points()) {
            points.addArray().add(p.position().x()).add(p.position().y()).add(p.label().samCode());
        }
        prompts.box().ifPresent(b -> node.putArray("box").add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1()));
    }

    /**
     * The "formatVersion" of a project file's root, or 0 when the root is not a SAM Annotator project (the
     * caller treats that as damaged) or the version is not a number.
     */
    static int formatVersion(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            return 0;
        }
        return root.path("formatVersion").asInt(0);
    }

    /** Reads a project; throws IllegalArgumentException (with the JSON location) on anything malformed. */
    static ProjectData read(JsonNode root) {
        return read(root, new ArrayList<>());
    }

    /**
     * Reads a project and makes it consistent ({@link ProjectRepairs}), adding a sentence to {@code repairs}
     * for each change; throws IllegalArgumentException on anything malformed.
     */
    static ProjectData read(JsonNode root, List<String> repairs) {
        requireFormat(root);
        List<ImageAnnotations> images = new ArrayList<>();
        for (JsonNode i : root.path("images")) {
            images.add(readImage(i));
        }
        return read(root, images, repairs);
    }

    /**
     * {@link #read(JsonNode, List)} of a root whose "images" were already read one by one ({@link
     * #readImage}), as {@link ProjectFileStreams} does so that the whole file is never one JSON tree.
     */
    static ProjectData read(JsonNode header, List<ImageAnnotations> images, List<String> repairs) {
        return ProjectRepairs.repair(readAsWritten(header, images), repairs);
    }

    /**
     * {@link #read(JsonNode, List, List)} without the checks, for a file whose index says they found nothing
     * when it was saved ({@link ProjectIndex.Contents#consistent()}).
     */
    static ProjectData readConsistent(JsonNode header, List<ImageAnnotations> images) {
        return readAsWritten(header, images);
    }

    /** Throws IllegalArgumentException unless {@code root} says it is a SAM Annotator project. */
    static void requireFormat(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a SAM Annotator project (missing \"format\": \"" + FORMAT + "\")");
        }
    }

    private static ProjectData readAsWritten(JsonNode root, List<ImageAnnotations> images) {
        requireFormat(root);
        List<Category> categories = new ArrayList<>();
        for (JsonNode c : root.path("categories")) {
            categories.add(new Category(required(c, "id").asInt(), required(c, "name").asText(),
                    Category.parseHexColour(required(c, "color").asText())));
        }
        Optional<String> current = root.hasNonNull("currentImage") ? Optional.of(root.get("currentImage").asText())
                : Optional.empty();
        return new ProjectData(categories, images, current, longValue(required(root, "nextObjectId")));
    }

    /**
     * One element of "images"; object masks are checked and kept compressed ({@link StoredMask}), not decoded.
     */
    static ImageAnnotations readImage(JsonNode node) {
        String file = required(node, "file").asText();
        ImageAnnotations image = ImageAnnotations.empty(file)
                .withStatus(ImageStatus.fromFileName(required(node, "status").asText()));
        if (node.has("width")) {
            image = image.withSize(new Size(node.get("width").asInt(), node.get("height").asInt()));
        }
        List<AnnotatedObject> objects = new ArrayList<>();
        for (JsonNode o : node.path("objects")) {
            objects.add(readObject(o));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonNode s : node.path("suggestions")) {
            suggestions.add(readSuggestion(s));
        }
        return image.withObjects(objects).withSuggestions(suggestions);
    }

    /** One suggestion; throws IllegalArgumentException when it does not read. */
    static Suggestion readSuggestion(JsonNode node) {
        Optional<StoredMask> mask = node.has("rle") ? Optional.of(readMask(node)) : Optional.empty();
        return new Suggestion(required(node, "id").asLong(), mask, readPrompts(node), optionalDouble(node, "predictedIou"),
                optionalDouble(node, "stabilityScore"),
                node.has("categoryId") ? OptionalInt.of(node.get("categoryId").asInt()) : OptionalInt.empty(),
                Suggestion.Source.fromFileName(required(node, "source").asText()));
    }

    private static OptionalDouble optionalDouble(JsonNode node, String field) {
        return node.hasNonNull(field) ? OptionalDouble.of(node.get(field).asDouble()) : OptionalDouble.empty();
    }

    private static StoredMask readMask(JsonNode node) {
        Size size = new Size(required(node, "width").asInt(), required(node, "height").asInt());
        return StoredMask.fromCompressed(size, required(node, "rle").asText());
    }

    /** One object, its mask checked and kept compressed; throws IllegalArgumentException when it does not read. */
    static AnnotatedObject readObject(JsonNode node) {
        Size size = new Size(required(node, "width").asInt(), required(node, "height").asInt());
        StoredMask mask = StoredMask.fromCompressed(size, required(node, "rle").asText());
        ObjectOrigin origin = node.has("origin") ? ObjectOrigin.fromFileName(node.get("origin").asText())
                : ObjectOrigin.MANUAL;
        return new AnnotatedObject(required(node, "id").asLong(), required(node, "categoryId").asInt(), mask,
                readPrompts(node), optionalDouble(node, "predictedIou"), node.path("secondsSpent").asDouble(0), origin);
    }

    private static PromptSet readPrompts(JsonNode node) {
        List<PromptPoint> points = new ArrayList<>();
        for (JsonNode p : node.path("points")) {
            if (!p.isArray() || p.size() != 3) {
                throw new IllegalArgumentException("a prompt point must be [x, y, label], got " + abbreviate(p));
            }
            PointLabel label = p.get(2).asInt() == 1 ? PointLabel.FOREGROUND : PointLabel.BACKGROUND;
            points.add(new PromptPoint(new org.samannotator.core.geometry.ImagePoint(coordinate(p.get(0)),
                    coordinate(p.get(1))), label));
        }
        Optional<Box> box = Optional.empty();
        if (node.has("box")) {
            JsonNode b = node.get("box");
            if (!b.isArray() || b.size() != 4) {
                throw new IllegalArgumentException("a box must be [x0, y0, x1, y1], got " + abbreviate(b));
            }
            box = Optional.of(new Box(coordinate(b.get(0)), coordinate(b.get(1)), coordinate(b.get(2)),
                    coordinate(b.get(3))));
        }
        return new PromptSet(points, box);
    }

    /** A coordinate: a finite JSON number (not a string such as "NaN", which asDouble would parse). */
    private static double coordinate(JsonNode value) {
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException("a prompt coordinate must be a finite number, got " + value);
        }
        return value.asDouble();
    }

    /** An integral JSON number within the range of a long (asLong would wrap larger ones silently). */
    private static long longValue(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("expected a whole number up to " + Long.MAX_VALUE + ", got " + value);
        }
        return value.asLong();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\" in " + abbreviate(node));
        }
        return value;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
