package org.samannotator.core.auto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO detection file read as a JSON tree (unknown fields are kept as they are), with the line each
 * annotation starts on so that a bad one can be named. Annotations may lack {@code segmentation}.
 */
public final class DetectionFile {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ObjectNode root;
    private final List<Integer> annotationLines;
    private final Map<Long, JsonNode> imagesById = new HashMap<>();

    private DetectionFile(Path file, ObjectNode root, List<Integer> annotationLines) throws DetectionFormatException {
        this.file = file;
        this.root = root;
        this.annotationLines = annotationLines;
        if (!root.path("images").isArray()) {
            throw new DetectionFormatException(file, 1, "no \"images\" array");
        }
        for (JsonNode image : root.get("images")) {
            if (!image.path("id").canConvertToLong() || !image.path("file_name").isTextual()) {
                throw new DetectionFormatException(file, 0, "an image lacks \"id\" or \"file_name\": " + image);
            }
            imagesById.put(image.get("id").asLong(), image);
        }
        if (!root.has("annotations")) {
            root.putArray("annotations");
        }
    }

    /** Wraps a tree built in memory (e.g. from YOLO labels); {@code lines} name the source line of each annotation. */
    static DetectionFile of(Path source, ObjectNode root, List<Integer> lines) throws DetectionFormatException {
        return new DetectionFile(source, root, lines);
    }

    /** Reads a COCO JSON file; syntax errors and a missing images array name the file and line. */
    public static DetectionFile read(Path file) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DetectionFormatException(file, parser.currentLocation().getLineNr(), "the top level must be a JSON object");
            }
            ObjectNode root = JSON.createObjectNode();
            List<Integer> lines = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("annotations") && value == JsonToken.START_ARRAY) {
                    ArrayNode annotations = root.putArray("annotations");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        lines.add(parser.currentLocation().getLineNr());
                        annotations.add((JsonNode) parser.readValueAsTree());
                    }
                } else {
                    root.set(name, parser.readValueAsTree());
                }
            }
            return new DetectionFile(file, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DetectionFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    public Path file() {
        return file;
    }

    public ObjectNode root() {
        return root;
    }

    public ArrayNode annotations() {
        return (ArrayNode) root.get("annotations");
    }

    /** The line where annotation {@code index} starts in the source (0 when unknown). */
    public int lineOf(int index) {
        return index < annotationLines.size() ? annotationLines.get(index) : 0;
    }

    public JsonNode image(long id) {
        return imagesById.get(id);
    }
}
