package org.samannotator.core.auto;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.samannotator.core.io.AtomicFiles;

/**
 * Merges per-image SA-1B JSON files into one COCO instances file (one category "object"), streaming one
 * image at a time so memory does not grow with the folder. Annotations keep SA-1B's extra fields
 * (predicted_iou, stability_score, point_coords, crop_box) and get {@code image_id}, {@code category_id} 1,
 * {@code iscrowd} 0 and ids 1..n over the whole file. Written atomically.
 */
public final class Sa1bToCoco {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sa1bToCoco() {
    }

    public static void write(Path coco, List<Path> sa1bFiles) throws IOException {
        AtomicFiles.write(coco, out -> {
            try (JsonGenerator g = new JsonFactory(JSON).createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeArrayFieldStart("images");
                for (Path file : sa1bFiles) {
                    g.writeTree(Sa1bJson.read(file).get("image").deepCopy());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("annotations");
                long id = 1;
                for (Path file : sa1bFiles) {
                    JsonNode root = Sa1bJson.read(file);
                    long imageId = root.get("image").path("image_id").asLong();
                    for (JsonNode a : root.get("annotations")) {
                        writeAnnotation(g, a, id++, imageId);
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("categories");
                g.writeStartObject();
                g.writeNumberField("id", 1);
                g.writeStringField("name", "object");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private static void writeAnnotation(JsonGenerator g, JsonNode a, long id, long imageId) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("image_id", imageId);
        g.writeNumberField("category_id", 1);
        g.writeNumberField("iscrowd", 0);
        for (String field : List.of("segmentation", "area", "bbox", "predicted_iou", "stability_score", "point_coords",
                "crop_box")) {
            if (a.has(field)) {
                g.writeFieldName(field);
                g.writeTree(a.get(field));
            }
        }
        g.writeEndObject();
    }
}
