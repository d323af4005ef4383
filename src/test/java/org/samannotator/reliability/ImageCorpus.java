package org.samannotator.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.ImageLoadException;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.LoadedImage;

/** Truncated, corrupt, empty, misnamed image files and decompression bombs through {@link ImageLoader}. */
final class ImageCorpus {
    /** read = full resolution; reduced = the subsampled path used for huge images and the encoder copy. */
    interface Loader {
        LoadedImage load(Path file) throws ImageLoadException;
    }

    static final Loader FULL = ImageLoader::read;
    static final Loader REDUCED = file -> ImageLoader.readReduced(file, 16);
    private static final Map<String, String> FAMILY_NAMES = Map.of("jpg", "JPEG", "progressive.jpg",
            "Progressive JPEG", "png", "PNG", "bmp", "BMP", "gif", "GIF", "tif", "TIFF");
    private static final int[] CUT_BYTES = {1, 2, 8, 16, 33, 64, 128};
    private static final int[] CUT_PERCENT = {25, 50, 75, 90};

    private ImageCorpus() {
    }

    /** Intact sample files of each format, by family name and extension. */
    static Map<String, byte[]> samples() {
        BufferedImage rgb = ImageSamples.rgb();
        Map<String, byte[]> samples = new LinkedHashMap<>();
        samples.put("jpg", ImageSamples.encode(rgb, "jpeg"));
        samples.put("progressive.jpg", ImageSamples.progressiveJpeg(rgb));
        samples.put("png", ImageSamples.encode(rgb, "png"));
        samples.put("bmp", ImageSamples.encode(rgb, "bmp"));
        samples.put("gif", ImageSamples.encode(ImageSamples.convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "gif"));
        samples.put("tif", ImageSamples.encode(rgb, "tiff"));
        return samples;
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        samples().forEach((ext, bytes) -> {
            String family = FAMILY_NAMES.get(ext) + " image";
            for (int cut : truncationPoints(bytes.length)) {
                String name = "truncated to " + cut + " of " + bytes.length + " bytes";
                byte[] part = java.util.Arrays.copyOf(bytes, cut);
                cases.add(truncated(family, name, "ImageLoader.read", ext, part, bytes, FULL));
                cases.add(truncated(family, name, "ImageLoader.readReduced", ext, part, bytes, REDUCED));
            }
            for (int seed = 1; seed <= 4; seed++) {
                cases.add(image(family, "16 random bytes overwritten (seed " + seed + ")", ext,
                        scramble(bytes, seed), FULL));
            }
            byte[] badMagic = bytes.clone();
            badMagic[0] ^= 0x55;
            badMagic[1] ^= 0x55;
            cases.add(image(family, "signature damaged", ext, badMagic, FULL));
        });
        return cases;
    }

    static int[] truncationPoints(int length) {
        List<Integer> points = new ArrayList<>();
        for (int cut : CUT_BYTES) {
            points.add(cut);
        }
        for (int percent : CUT_PERCENT) {
            points.add(length * percent / 100);
        }
        points.add(length - 1);
        return points.stream().filter(p -> p > 0 && p < length).distinct().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] scramble(byte[] bytes, int seed) {
        byte[] out = bytes.clone();
        Random random = new Random(seed);
        for (int i = 0; i < 16; i++) {
            int at = 16 + random.nextInt(out.length - 16);
            out[at] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** A case whose loaded result, if not refused, must be flagged unless its pixels are complete. */
    private static CorpusCase truncated(String family, String name, String entry, String ext, byte[] part,
            byte[] intact, Loader loader) {
        return new CorpusCase(family, name, entry, dir -> {
            Path file = Files.write(dir.resolve("cut." + ext), part);
            Path whole = Files.write(dir.resolve("whole." + ext), intact);
            CorpusCase.Outcome outcome = outcome(file, loader);
            if (outcome.result().equals("loaded")) {
                assertArrayEquals(loader.load(whole).image().argb(), loader.load(file).image().argb(),
                        "a truncated image that loads unflagged must have all its pixels");
                return CorpusCase.Outcome.of("loaded (only the trailer was missing: pixels complete)",
                        outcome.message());
            }
            return outcome;
        });
    }

    static CorpusCase image(String family, String name, String ext, byte[] bytes, Loader loader) {
        String entry = loader == FULL ? "ImageLoader.read" : "ImageLoader.readReduced";
        return new CorpusCase(family, name, entry, dir -> outcome(Files.write(dir.resolve("input." + ext), bytes),
                loader));
    }

    /** Loads and classifies: refused (with a clear message), flagged (with a clear problem) or loaded. */
    static CorpusCase.Outcome outcome(Path file, Loader loader) {
        try {
            LoadedImage image = loader.load(file);
            Size size = image.image().size();
            assertTrue(size.width() > 0 && size.height() > 0);
            if (image.problem().isPresent()) {
                String problem = ClearMessages.assertClear(image.problem().get(), file);
                return CorpusCase.Outcome.of(image.truncated() ? "loaded, flagged truncated" : "loaded, flagged damaged",
                        problem);
            }
            return CorpusCase.Outcome.of("loaded", size + (image.isReduced() ? " (1:" + image.subsampling() + ")" : "")
                    + (image.warnings().isEmpty() ? "" : "; decoder note: " + String.join("; ", image.warnings())));
        } catch (ImageLoadException e) {
            assertEquals(file, e.file());
            return CorpusCase.Outcome.of("refused (" + e.reason() + ")", ClearMessages.assertClear(e.getMessage(), file));
        }
    }
}
