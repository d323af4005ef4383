package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.samannotator.core.coco.CocoAnnotation;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Polygon;
import org.samannotator.core.mask.PolygonRasterizer;

/**
 * Ultralytics YOLO segmentation. Layout: {@code OUT/data.yaml} (class names), {@code OUT/labels/<stem>.txt}
 * (one per image, empty for images without objects) and, with {@code copyImages}, {@code OUT/images/<file>}.
 * Each object is one line {@code class x1 y1 x2 y2 ...}: class = 0-based position in {@code names}, x
 * divided by the image width and y by its height (pixel-corner coordinates, 6 decimals, in [0, 1]). An object
 * of several parts, or with holes, is still one line: the rings are joined by zero-width bridges, which is
 * what Ultralytics' own COCO converter does with multi-part objects, so with tolerance 0 the even-odd fill
 * gives back the mask exactly.
 */
final class YoloSegCodec implements FormatCodec {
    static final String DATA_YAML = "data.yaml";
    static final String LABELS = "labels";
    static final String IMAGES = "images";

    @Override
    public int write(CocoDataset dataset, Path imageFolder, Path out, ExportOptions options) throws IOException {
        ExportFiles.requireUniqueStems(dataset, "YOLO");
        Map<Long, Integer> classIndex = ExportFiles.categoryPositions(dataset);
        int files = 0;
        for (CocoImage image : dataset.images()) {
            StringBuilder text = new StringBuilder();
            for (CocoAnnotation annotation : dataset.annotationsOf(image.id())) {
                Polygon ring = PolygonText.singleRing(annotation.toMask(image.size()), options.polygonTolerance());
                if (ring != null) {
                    appendLine(text, classIndex.get(annotation.categoryId()), ring, image.size());
                }
            }
            String stem = FolderImages.stem(image.fileName());
            ExportFiles.writeText(out.resolve(LABELS).resolve(stem + ".txt"), text.toString());
            files++;
            if (options.copyImages()) {
                ExportFiles.copyImage(imageFolder, image.fileName(), out.resolve(IMAGES));
                files++;
            }
        }
        List<String> names = dataset.categories().stream().map(c -> c.name()).toList();
        ExportFiles.writeText(out.resolve(DATA_YAML), YoloDataYaml.write(names));
        return files + 1;
    }

    private static void appendLine(StringBuilder text, int classIndex, Polygon ring, Size size) {
        text.append(classIndex);
        for (int i = 0; i < ring.vertexCount(); i++) {
            text.append(' ').append(normalised(ring.x(i), size.width()))
                    .append(' ').append(normalised(ring.y(i), size.height()));
        }
        text.append('\n');
    }

    private static String normalised(double v, int extent) {
        String s = String.format(Locale.ROOT, "%.6f", Math.min(1, Math.max(0, v / extent)));
        return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    }

    @Override
    public CocoDataset read(Path source, Path imageFolder, List<String> imageFiles, List<String> warnings)
            throws IOException {
        Path root = Files.isRegularFile(source) ? source.toAbsolutePath().getParent() : source;
        List<String> names = YoloDataYaml.readNames(root.resolve(DATA_YAML));
        Path labels = root.resolve(LABELS);
        if (!Files.isDirectory(labels)) {
            throw new FormatFileException(labels, "", "no labels folder: a YOLO dataset has data.yaml and labels/");
        }
        FolderImages images = new FolderImages(imageFolder, imageFiles);
        DatasetBuilder builder = new DatasetBuilder();
        names.forEach(builder::category);
        for (Path labelFile : labelFiles(labels)) {
            String stem = FolderImages.stem(labelFile.getFileName().toString());
            var image = images.byStem(stem, labelFile);
            if (image.isEmpty()) {
                warnings.add(labelFile + ": no image named " + stem + ".* in " + imageFolder + "; skipped");
                continue;
            }
            Size size = images.size(image.get());
            long imageId = builder.image(image.get(), size);
            readLabelFile(labelFile, names, size, builder, imageId);
        }
        if (builder.emptyMasks() > 0) {
            warnings.add(builder.emptyMasks() + " polygon(s) cover no pixel centre and were skipped");
        }
        return builder.build();
    }

    private static List<Path> labelFiles(Path labels) throws IOException {
        try (Stream<Path> walk = Files.walk(labels)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted()
                    .toList();
        }
    }

    private static void readLabelFile(Path file, List<String> names, Size size, DatasetBuilder builder,
            long imageId) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FormatFileException(file, "", "not a text file (not UTF-8): a YOLO label file has one line of"
                    + " numbers per object", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            YoloLine parsed = YoloLine.parse(line, names.size(), file, i + 1);
            Polygon polygon = parsed.polygon(size);
            BitMask mask = PolygonRasterizer.fillEvenOdd(size, List.of(polygon));
            builder.add(imageId, builder.category(names.get(parsed.classIndex())), mask);
        }
    }

    /** Parsed label line: class index and normalised (x, y) pairs. */
    record YoloLine(int classIndex, double[] normalised) {
        static YoloLine parse(String line, int classCount, Path file, int lineNumber) throws FormatFileException {
            String where = "line " + lineNumber;
            String[] tokens = line.split("\\s+");
            int classIndex;
            try {
                classIndex = Integer.parseInt(tokens[0]);
            } catch (NumberFormatException e) {
                throw new FormatFileException(file, where, "the class '" + tokens[0] + "' is not a whole number");
            }
            if (classIndex < 0 || classIndex >= classCount) {
                throw new FormatFileException(file, where, "class " + classIndex + " is not in data.yaml's names (0.."
                        + (classCount - 1) + ")");
            }
            double[] values = new double[tokens.length - 1];
            for (int k = 1; k < tokens.length; k++) {
                values[k - 1] = coordinate(tokens[k], file, where, k);
            }
            if (values.length == 4) {
                return new YoloLine(classIndex, boxCorners(values));
            }
            if (values.length % 2 != 0 || values.length < 6) {
                throw new FormatFileException(file, where, "expected the class and at least 3 x y pairs (or a box "
                        + "cx cy w h), found " + values.length + " number(s) after the class");
            }
            return new YoloLine(classIndex, values);
        }

        private static double coordinate(String token, Path file, String where, int position)
                throws FormatFileException {
            double v;
            try {
                v = Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw new FormatFileException(file, where, "value " + position + " '" + token + "' is not a number");
            }
            if (!(v >= 0 && v <= 1)) {
                throw new FormatFileException(file, where, "value " + position + " is " + token
                        + "; YOLO coordinates are normalised to [0, 1]");
            }
            return v;
        }

        /** A detection box (cx, cy, w, h) as its four corners. */
        private static double[] boxCorners(double[] box) {
            double x0 = box[0] - box[2] / 2;
            double x1 = box[0] + box[2] / 2;
            double y0 = box[1] - box[3] / 2;
            double y1 = box[1] + box[3] / 2;
            return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
        }

        /** The polygon in pixel-corner coordinates of an image of {@code size}. */
        Polygon polygon(Size size) {
            double[] pixels = new double[normalised.length];
            for (int k = 0; k < normalised.length; k += 2) {
                pixels[k] = PolygonText.snapped(normalised[k] * size.width());
                pixels[k + 1] = PolygonText.snapped(normalised[k + 1] * size.height());
            }
            return new Polygon(pixels);
        }
    }
}
