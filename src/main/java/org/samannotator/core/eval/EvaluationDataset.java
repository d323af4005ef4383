package org.samannotator.core.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.samannotator.core.image.ImageLoader;

/**
 * An interactive segmentation dataset folder: {@code DIR/images/NAME.ext} (any extension {@link ImageLoader}
 * reads, any case) paired with {@code DIR/masks/NAME.png} by base name. Images without a mask are skipped; pairs are
 * sorted by name so runs are reproducible.
 */
public final class EvaluationDataset {
    /** One image and its ground-truth mask. */
    public record Sample(String name, Path image, Path mask) {
    }

    private EvaluationDataset() {
    }

    /** Lists the pairs of {@code root}; throws when the folders are missing or no pair exists. */
    public static List<Sample> list(Path root) {
        Path images = root.resolve("images");
        Path masks = root.resolve("masks");
        requireDirectory(images);
        requireDirectory(masks);
        List<Sample> samples = new ArrayList<>();
        for (Path image : filesIn(images)) {
            Optional<String> name = imageBaseName(image);
            if (name.isPresent()) {
                Path mask = masks.resolve(name.get() + ".png");
                if (Files.isRegularFile(mask)) {
                    samples.add(new Sample(name.get(), image, mask));
                }
            }
        }
        samples.sort(Comparator.comparing(Sample::name));
        requireUniqueNames(samples, images);
        if (samples.isEmpty()) {
            throw new EvaluationDataException(root, "no image in images/ has a mask of the same name in masks/");
        }
        return samples;
    }

    private static Optional<String> imageBaseName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ImageLoader.supportedExtensions().contains(extension) ? Optional.of(fileName.substring(0, dot)) : Optional.empty();
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new EvaluationDataException(directory, "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new EvaluationDataException(directory, "folder not found (a dataset needs images/ and masks/)");
        }
    }

    private static void requireUniqueNames(List<Sample> samples, Path images) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).name().equals(samples.get(i - 1).name())) {
                throw new EvaluationDataException(images, "two images share the base name '"
                        + samples.get(i).name() + "': " + samples.get(i - 1).image().getFileName() + " and "
                        + samples.get(i).image().getFileName());
            }
        }
    }
}
