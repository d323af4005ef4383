package org.samannotator.core.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samannotator.core.geometry.Box;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.mask.Rle;
import org.samannotator.core.prompt.Prompt;
import org.samannotator.core.sam.AlternativeMasks;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.Prediction;
import org.samannotator.core.sam.SamPredictor;

/**
 * Stage 3 of the data engine, boxes to masks: every annotation bbox [x, y, w, h] (image pixels) becomes a
 * box prompt; the model's mask replaces the annotation's {@code segmentation} (compressed RLE) with
 * {@code area} and {@code bbox} recomputed from the mask, the original box kept as {@code prompt_box} and
 * the model's {@code predicted_iou}. Annotations that already have a segmentation are left alone unless
 * {@code overwrite}. Each image is encoded once (through the embedding cache).
 */
public final class BoxesToMasks {
    /** What a run did; {@code problems} name images that could not be read (their annotations are unchanged). */
    public record Summary(int converted, int keptExisting, List<String> problems) {
    }

    private BoxesToMasks() {
    }

    public static Summary run(SamPredictor predictor, CachedEmbeddings embeddings, DetectionFile input, Path imagesDir,
            boolean overwrite, AmgProgress progress) throws DetectionFormatException {
        Map<Long, List<Integer>> todo = validate(input, overwrite);
        int kept = 0;
        for (JsonNode a : input.annotations()) {
            kept += hasSegmentation(a) && !overwrite ? 1 : 0;
        }
        int total = todo.values().stream().mapToInt(List::size).sum();
        int converted = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> entry : todo.entrySet()) {
            String fileName = input.image(entry.getKey()).get("file_name").asText();
            Path file = imagesDir.resolve(fileName);
            try {
                converted += convertImage(predictor, embeddings, input, file, entry.getValue());
            } catch (IOException e) {
                problems.add(fileName + ": " + e.getMessage() + " (its " + entry.getValue().size()
                        + " annotation(s) left unchanged)");
            }
            progress.onProgress(converted, total);
        }
        return new Summary(converted, kept, problems);
    }

    private static int convertImage(SamPredictor predictor, CachedEmbeddings embeddings, DetectionFile input, Path file,
            List<Integer> indices) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image file not found: " + file);
        }
        RgbImage image = ImageLoader.load(file);
        try (ImageEmbedding embedding = embeddings.whole(file, image).embedding()) {
            for (int i : indices) {
                ObjectNode a = (ObjectNode) input.annotations().get(i);
                JsonNode bbox = a.get("bbox");
                double x = bbox.get(0).asDouble();
                double y = bbox.get(1).asDouble();
                Box box = new Box(x, y, x + bbox.get(2).asDouble(), y + bbox.get(3).asDouble());
                Prediction p = predictor.predict(embedding, new Prompt(List.of(), Optional.of(box), Optional.empty()),
                        AlternativeMasks.NEVER);
                writeMask(a, p.chosen().mask(), p.chosen().predictedIou());
            }
        }
        return indices.size();
    }

    private static void writeMask(ObjectNode a, BitMask mask, double predictedIou) {
        Rle rle = Rle.encode(mask);
        if (!a.has("prompt_box")) {
            a.set("prompt_box", a.get("bbox").deepCopy());
        }
        ObjectNode seg = a.putObject("segmentation");
        seg.putArray("size").add(rle.size().height()).add(rle.size().width());
        seg.put("counts", rle.toCompressedString());
        a.put("area", rle.area());
        PixelRect r = mask.boundingBox().orElse(new PixelRect(0, 0, 0, 0));
        a.putArray("bbox").add(r.x()).add(r.y()).add(r.width()).add(r.height());
        a.put("predicted_iou", predictedIou);
    }

    /** Checks every annotation to convert (bbox and image) and groups them by image, in file order. */
    private static Map<Long, List<Integer>> validate(DetectionFile input, boolean overwrite) throws DetectionFormatException {
        Map<Long, List<Integer>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < input.annotations().size(); i++) {
            JsonNode a = input.annotations().get(i);
            if (!a.isObject()) {
                throw new DetectionFormatException(input.file(), input.lineOf(i), "annotation " + (i + 1) + " is not an object");
            }
            if (hasSegmentation(a) && !overwrite) {
                continue;
            }
            JsonNode bbox = a.path("bbox");
            if (!bbox.isArray() || bbox.size() != 4 || !allNumbers(bbox) || !(bbox.get(2).asDouble() > 0)
                    || !(bbox.get(3).asDouble() > 0)) {
                throw new DetectionFormatException(input.file(), input.lineOf(i), "annotation " + a.path("id")
                        + ": bbox must be [x, y, width, height] with width and height > 0, got " + bbox);
            }
            if (!a.path("image_id").canConvertToLong() || input.image(a.get("image_id").asLong()) == null) {
                throw new DetectionFormatException(input.file(), input.lineOf(i), "annotation " + a.path("id")
                        + ": image_id " + a.path("image_id") + " is not in \"images\"");
            }
            byImage.computeIfAbsent(a.get("image_id").asLong(), k -> new ArrayList<>()).add(i);
        }
        return byImage;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSegmentation(JsonNode a) {
        JsonNode seg = a.path("segmentation");
        return (seg.isObject() && seg.has("counts")) || (seg.isArray() && !seg.isEmpty());
    }

    /** Writes the (updated) tree atomically. */
    public static void write(Path out, DetectionFile data) throws IOException {
        org.samannotator.core.io.AtomicFiles.write(out, stream -> DetectionFile.JSON.writeValue(stream, data.root()));
    }
}
