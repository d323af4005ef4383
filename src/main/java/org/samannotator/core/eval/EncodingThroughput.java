package org.samannotator.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.sam.EncodeTimings;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamPredictor;

/**
 * Pre-encoding throughput over a folder, as the app's background pre-encoder works: each image is loaded from
 * disk, preprocessed and encoded, one after another on one thread (embeddings are discarded, not cached).
 * One untimed warm-up encode of the first image comes first.
 */
public final class EncodingThroughput {
    private EncodingThroughput() {
    }

    /**
     * @param images how many images were encoded
     * @param wallSeconds wall time of the whole timed loop (load + preprocess + encoder run)
     * @param load per-image decode time of the image file, ms
     * @param preprocess per-image resize/normalise/pad, ms
     * @param encoderRun per-image ONNX encoder run, ms
     */
    public record Result(int images, double wallSeconds, LatencyStats load, LatencyStats preprocess,
            LatencyStats encoderRun) {
        public double imagesPerMinute() {
            return images / wallSeconds * 60;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%d images in %.1f s = %.1f images/min; per image: load median %.0f ms,"
                    + " preprocess median %.0f ms, encoder run median %.0f ms (p95 %.0f)", images, wallSeconds,
                    imagesPerMinute(), load.median(), preprocess.median(), encoderRun.median(), encoderRun.p95());
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("images", images);
            json.put("wallSeconds", wallSeconds);
            json.put("imagesPerMinute", imagesPerMinute());
            json.put("loadMillis", load.toJson());
            json.put("preprocessMillis", preprocess.toJson());
            json.put("encoderRunMillis", encoderRun.toJson());
            return json;
        }
    }

    /** The supported image files directly in {@code folder}, or in {@code folder/images} when it has none. */
    public static List<Path> imagesIn(Path folder) throws IOException {
        List<Path> images = list(folder);
        if (images.isEmpty() && Files.isDirectory(folder.resolve("images"))) {
            images = list(folder.resolve("images"));
        }
        if (images.isEmpty()) {
            throw new IOException("no images (" + String.join(", ", ImageLoader.supportedExtensions()) + ") in "
                    + folder + " or " + folder.resolve("images"));
        }
        return images;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ImageLoader::isSupportedImageFile).sorted().toList();
        }
    }

    /** Encodes every image once; {@code log} gets one line per 10 images. */
    public static Result run(SamPredictor predictor, List<Path> images, Consumer<String> log) throws IOException {
        predictor.encode(ImageLoader.load(images.get(0))).close();
        List<Double> load = new ArrayList<>();
        List<Double> preprocess = new ArrayList<>();
        List<Double> encoder = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : images) {
            long loadStart = System.nanoTime();
            RgbImage image = ImageLoader.load(file);
            load.add((System.nanoTime() - loadStart) / 1e6);
            try (ImageEmbedding embedding = predictor.encode(image)) {
                EncodeTimings timings = predictor.lastEncodeTimings();
                preprocess.add(timings.preprocessMillis());
                encoder.add(timings.encoderMillis());
            }
            if (load.size() % 10 == 0) {
                log.accept("encoded " + load.size() + "/" + images.size());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(images.size(), seconds, LatencyStats.of(load), LatencyStats.of(preprocess),
                LatencyStats.of(encoder));
    }
}
