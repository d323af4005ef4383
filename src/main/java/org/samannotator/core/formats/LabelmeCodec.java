package org.samannotator.core.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.mask.Polygon;

/**
 * labelme JSON: one {@code <stem>.json} per image with objects, by default beside the image (labelme's own
 * layout), with the keys labelme reads and writes: {@code version}, {@code flags}, {@code shapes}
 * ({@code label}, {@code points} [[x, y], ...], {@code group_id}, {@code description}, {@code shape_type}
 * "polygon", {@code flags}), {@code imagePath} (relative to the JSON file), {@code imageData} null,
 * {@code imageHeight}, {@code imageWidth}. Each object is one polygon per 8-connected part, all with the
 * object's {@code group_id} (its order in the image, 1..n); holes are not kept (labelme polygons have none).
 * Points are in labelme's frame, where pixel (i, j)'s centre is (i, j) (see {@link #PIXEL_CENTRE}).
 */
final class LabelmeCodec implements FormatCodec {
    /** The labelme major version whose files this matches (labelme warns on another major version). */
    static final String VERSION = "5.5.0";
    /**
     * labelme (PIL) puts pixel (i, j)'s centre at (i, j); our polygons put it at (i + 0.5, j + 0.5). Points are
     * shifted by this on write and back on read, so labelme draws exactly our pixels (edges fall between centres).
     */
    static final double PIXEL_CENTRE = 0.5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public int write(CocoDataset dataset, Path imageFolder, Path out, ExportOptions options) throws IOException {
        ExportFiles.requireUniqueStems(dataset, "labelme");
        int files = 0;
        for (CocoImage image : dataset.images()) {
            List<CocoAnnotation> annotations = dataset.annotationsOf(image.id());
            if (annotations.isEmpty()) {
                continue;
            }
            ObjectNode root = MAPPER.createObjectNode();
            root.put("version", VERSION);
            root.putObject("flags");
            ArrayNode shapes = root.putArray("shapes");
            int group = 0;
            for (CocoAnnotation annotation : annotations) {
                group++;
                String label = ExportFiles.categoryName(dataset, annotation);
                for (Polygon ring : PolygonText.outerRings(annotation.toMask(image.size()), options.polygonTolerance())) {
                    ObjectNode shape = addShape(shapes, label, group, ring);
                    if (annotation.origin() != null) {
                        shape.put("origin", annotation.origin());
                    }
                }
            }
            Path json = out.resolve(FolderImages.stem(image.fileName()) + ".json");
            Path relativeImage = out.toAbsolutePath().normalize()
                    .relativize(imageFolder.resolve(image.fileName()).toAbsolutePath().normalize());
            root.put("imagePath", relativeImage.toString().replace('\\', '/'));
            root.putNull("imageData");
            root.put("imageHeight", image.height());
            root.put("imageWidth", image.width());
            AtomicFiles.writeBytes(json, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            files++;
        }
        return files;
    }

    /** The shape; an extra "origin" key is added by the caller (labelme keeps unknown shape keys). */
    private static ObjectNode addShape(ArrayNode shapes, String label, int group, Polygon ring) {
        ObjectNode shape = shapes.addObject();
        shape.put("label", label);
        ArrayNode points = shape.putArray("points");
        for (int i = 0; i < ring.vertexCount(); i++) {
            points.addArray().add(ring.x(i) - PIXEL_CENTRE).add(ring.y(i) - PIXEL_CENTRE);
        }
        shape.put("group_id", group);
        shape.put("description", "");
        shape.put("shape_type", "polygon");
        shape.putObject("flags");
        return shape;
    }

    @Override
    public CocoDataset read(Path source, Path imageFolder, List<String> imageFiles, List<String> warnings)
            throws IOException {
        FolderImages images = new FolderImages(imageFolder, imageFiles);
        DatasetBuilder builder = new DatasetBuilder();
        for (Path json : jsonFiles(source)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(json.toFile());
            } catch (IOException e) {
                throw new FormatFileException(json, "", "not valid JSON: " + e.getMessage(), e);
            }
            if (root == null || !root.isObject() || !root.has("shapes")) {
                warnings.add(json + ": no \"shapes\" key, not a labelme file; skipped");
                continue;
            }
            Optional<String> image = imageOf(json, root, images);
            if (image.isEmpty()) {
                warnings.add(json + ": its image is not in " + imageFolder + "; skipped");
                continue;
            }
            LabelmeShapes.read(json, root, image.get(), images.size(image.get()), builder, warnings);
        }
        if (builder.emptyMasks() > 0) {
            warnings.add(builder.emptyMasks() + " shape group(s) cover no pixel centre and were skipped");
        }
        return builder.build();
    }

    private static List<Path> jsonFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> list = Files.list(source)) {
            return list.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")).sorted()
                    .toList();
        }
    }

    /** The folder image named by "imagePath" (its file name), else the one with the JSON file's stem. */
    private static Optional<String> imageOf(Path json, JsonNode root, FolderImages images) throws IOException {
        JsonNode imagePath = root.get("imagePath");
        if (imagePath != null && imagePath.isTextual() && !imagePath.asText().isBlank()) {
            String name = Path.of(imagePath.asText().replace('\\', '/')).getFileName().toString();
            Optional<String> byName = images.byName(name);
            if (byName.isPresent()) {
                return byName;
            }
        }
        return images.byStem(FolderImages.stem(json.getFileName().toString()), json);
    }
}
