package org.samannotator.core.auto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoader;

/**
 * YOLO detection labels as a COCO detection tree: {@code LABELS_DIR/NAME.txt} with lines
 * {@code class cx cy w h} (centre and size normalized to [0, 1]) for the image {@code IMAGES/NAME.*};
 * {@code names.txt} has one class name per line (class i = line i + 1, category id i + 1).
 */
public final class YoloLabels {
    private YoloLabels() {
    }

    public static DetectionFile read(Path labelsDir, Path classesFile, Path imagesDir) throws IOException {
        List<String> classes = Files.readAllLines(classesFile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (classes.isEmpty()) {
            throw new DetectionFormatException(classesFile, 0, "no class names (one per line expected)");
        }
        ObjectNode root = DetectionFile.JSON.createObjectNode();
        ArrayNode images = root.putArray("images");
        ArrayNode annotations = root.putArray("annotations");
        ArrayNode categories = root.putArray("categories");
        for (int c = 0; c < classes.size(); c++) {
            categories.addObject().put("id", c + 1).put("name", classes.get(c));
        }
        List<Integer> lines = new ArrayList<>();
        long imageId = 0;
        for (Path labels : labelFiles(labelsDir)) {
            String name = labels.getFileName().toString().replaceFirst("\\.txt$", "");
            Optional<Path> image = findImage(imagesDir, name);
            if (image.isEmpty()) {
                throw new DetectionFormatException(labels, 0, "no image " + name + ".* in " + imagesDir);
            }
            Size size = ImageLoader.readSize(image.get());
            imageId++;
            images.addObject().put("id", imageId).put("file_name", image.get().getFileName().toString())
                    .put("width", size.width()).put("height", size.height());
            List<String> text = Files.readAllLines(labels, StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) {
                if (!text.get(i).isBlank()) {
                    annotations.add(annotation(labels, i + 1, text.get(i), classes.size(), imageId, size,
                            annotations.size() + 1));
                    lines.add(i + 1);
                }
            }
        }
        return DetectionFile.of(labelsDir, root, lines);
    }

    private static ObjectNode annotation(Path file, int line, String text, int classCount, long imageId, Size size,
            long id) throws DetectionFormatException {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 5) {
            throw new DetectionFormatException(file, line, "expected 'class cx cy w h' (5 numbers), got '" + text.strip() + "'");
        }
        double[] v = new double[4];
        int cls;
        try {
            cls = Integer.parseInt(parts[0]);
            for (int k = 0; k < 4; k++) {
                v[k] = Double.parseDouble(parts[k + 1]);
            }
        } catch (NumberFormatException e) {
            throw new DetectionFormatException(file, line, "not a number in '" + text.strip() + "'");
        }
        if (cls < 0 || cls >= classCount) {
            throw new DetectionFormatException(file, line, "class " + cls + " is not in the class list (0.." + (classCount - 1) + ")");
        }
        if (v[2] <= 0 || v[3] <= 0 || v[0] < 0 || v[0] > 1 || v[1] < 0 || v[1] > 1) {
            throw new DetectionFormatException(file, line, "box values must be normalized to [0, 1] with w, h > 0: '" + text.strip() + "'");
        }
        double w = v[2] * size.width();
        double h = v[3] * size.height();
        ObjectNode a = DetectionFile.JSON.createObjectNode();
        a.put("id", id).put("image_id", imageId).put("category_id", cls + 1);
        a.putArray("bbox").add(v[0] * size.width() - w / 2).add(v[1] * size.height() - h / 2).add(w).add(h);
        a.put("iscrowd", 0);
        return a;
    }

    private static List<Path> labelFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.txt")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static Optional<Path> findImage(Path imagesDir, String name) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(imagesDir, name + ".*")) {
            for (Path p : stream) {
                if (ImageLoader.isSupportedImageFile(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
