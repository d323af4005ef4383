package org.samannotator.core.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.Polygon;
import org.samannotator.core.mask.PolygonRasterizer;

/**
 * The "shapes" of one labelme file as objects: shapes with the same label and the same non-null
 * {@code group_id} form one object (the union of their fills, as labelme's own COCO conversion does); a
 * shape without a group is an object of its own. Points are shifted from labelme's pixel-centre frame to
 * our pixel-corner frame. Polygons and rectangles are read; other shape types
 * (circle, line, linestrip, point, mask) are skipped with a warning.
 */
final class LabelmeShapes {
    private LabelmeShapes() {
    }

    static void read(Path json, JsonNode root, String imageFile, Size size, DatasetBuilder builder,
            List<String> warnings) throws FormatFileException {
        checkSize(json, root, "imageWidth", size.width());
        checkSize(json, root, "imageHeight", size.height());
        JsonNode shapes = root.get("shapes");
        if (!shapes.isArray()) {
            throw new FormatFileException(json, "shapes", "must be a list");
        }
        Map<String, List<Polygon>> objects = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            String where = "shapes[" + i + "]";
            JsonNode shape = shapes.get(i);
            String label = text(json, shape, where, "label");
            String type = shape.hasNonNull("shape_type") ? shape.get("shape_type").asText() : "polygon";
            if (!type.equals("polygon") && !type.equals("rectangle")) {
                warnings.add(json + ", " + where + ": shape_type \"" + type + "\" has no area to segment; skipped");
                continue;
            }
            Polygon polygon = polygon(json, shape.get("points"), where + ".points", type.equals("rectangle"));
            JsonNode group = shape.get("group_id");
            String key = group == null || group.isNull() ? "shape " + i : "group " + group.asText() + " " + label;
            objects.computeIfAbsent(key, k -> new ArrayList<>()).add(polygon);
            labels.put(key, label);
        }
        long imageId = builder.image(imageFile, size);
        for (Map.Entry<String, List<Polygon>> object : objects.entrySet()) {
            builder.add(imageId, builder.category(labels.get(object.getKey())),
                    PolygonRasterizer.fillEachAndUnite(size, object.getValue()));
        }
    }

    private static void checkSize(Path json, JsonNode root, String key, int actual) throws FormatFileException {
        JsonNode value = root.get(key);
        if (value != null && !value.isNull() && value.asInt(-1) != actual) {
            throw new FormatFileException(json, key, "is " + value + " but the image's is " + actual
                    + "; is the JSON for another image?");
        }
    }

    private static String text(Path json, JsonNode shape, String where, String key) throws FormatFileException {
        if (shape == null || !shape.isObject()) {
            throw new FormatFileException(json, where, "must be an object");
        }
        JsonNode value = shape.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new FormatFileException(json, where + "." + key, "missing or not a non-empty text");
        }
        return value.asText();
    }

    /** The points as a polygon (pixel-corner coordinates); a rectangle's two corners become four. */
    private static Polygon polygon(Path json, JsonNode points, String where, boolean rectangle)
            throws FormatFileException {
        if (points == null || !points.isArray()) {
            throw new FormatFileException(json, where, "missing or not a list of [x, y]");
        }
        int needed = rectangle ? 2 : 3;
        if (points.size() < needed) {
            throw new FormatFileException(json, where, "has " + points.size() + " point(s); a "
                    + (rectangle ? "rectangle needs 2" : "polygon needs at least 3"));
        }
        double[] xy = new double[points.size() * 2];
        for (int k = 0; k < points.size(); k++) {
            JsonNode p = points.get(k);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new FormatFileException(json, where + "[" + k + "]", "must be [x, y] with two numbers, found "
                        + p);
            }
            xy[2 * k] = PolygonText.snapped(p.get(0).asDouble() + LabelmeCodec.PIXEL_CENTRE);
            xy[2 * k + 1] = PolygonText.snapped(p.get(1).asDouble() + LabelmeCodec.PIXEL_CENTRE);
        }
        if (rectangle) {
            // labelme fills a rectangle's corner pixels too: extend to the far edges of the far pixels.
            double x0 = Math.min(xy[0], xy[2]);
            double y0 = Math.min(xy[1], xy[3]);
            double x1 = Math.max(xy[0], xy[2]) + 1;
            double y1 = Math.max(xy[1], xy[3]) + 1;
            return new Polygon(new double[] {x0, y0, x1, y0, x1, y1, x0, y1});
        }
        return new Polygon(xy);
    }
}
