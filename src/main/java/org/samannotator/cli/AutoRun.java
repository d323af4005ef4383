package org.samannotator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.samannotator.core.auto.AmgResult;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutomaticMaskGenerator;
import org.samannotator.core.auto.CachedEmbeddings;
import org.samannotator.core.auto.Sa1bJson;
import org.samannotator.core.auto.SamCropDecoders;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;

/**
 * One {@code auto} run over a list of images: skips up-to-date outputs, reports unreadable images and goes
 * on, and stops cleanly (finished files intact) when an output cannot be written or on Ctrl+C.
 */
final class AutoRun {
    private final SamPredictor predictor;
    private final AutomaticMaskGenerator generator;
    private final AmgSettings settings;
    private final AutoOutputs outputs;
    private final List<Path> images;
    private final CachedEmbeddings embeddings;
    private final AutoProgressBar progress;
    private final AtomicBoolean cancelled;

    /** What a run did; {@code stopReason} is set when it stopped before the end. */
    record Summary(int written, int skipped, List<String> failures, String stopReason) {
    }

    AutoRun(SamPredictor predictor, AmgSettings settings, AutoOutputs outputs, List<Path> images,
            CachedEmbeddings embeddings, AutoProgressBar progress, AtomicBoolean cancelled) {
        this.predictor = predictor;
        this.generator = new AutomaticMaskGenerator(settings);
        this.settings = settings;
        this.outputs = outputs;
        this.images = images;
        this.embeddings = embeddings;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    Summary runAll() {
        int written = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        Set<Path> seenOutputs = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            String name = image.getFileName().toString();
            if (!seenOutputs.add(outputs.outputFor(image))) {
                failures.add(name + ": another image has the same name, so the same output file; rename one");
                progress.onImageDone(name + ": skipped (duplicate name)", 0);
                continue;
            }
            if (outputs.isUpToDate(image)) {
                skipped++;
                progress.onImageDone(name + ": up to date, skipped", 0);
                continue;
            }
            long start = System.nanoTime();
            AmgResult result;
            RgbImage rgb;
            try {
                rgb = ImageLoader.load(image);
                result = generate(image, rgb);
            } catch (IOException | SamModelException e) {
                failures.add(name + ": " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
                progress.onImageDone(name + ": FAILED, skipped (" + e.getMessage() + ")", 0);
                continue;
            } catch (CancellationException e) {
                return new Summary(written, skipped, failures, "interrupted");
            }
            try {
                Sa1bJson.write(outputs.outputFor(image),
                        new Sa1bJson.ImageInfo(i + 1, rgb.width(), rgb.height(), name), result.masks());
            } catch (IOException e) {
                return new Summary(written, skipped, failures, "cannot write " + outputs.outputFor(image) + ": "
                        + AutoOutputs.describe(e));
            }
            written++;
            progress.onImageDone(String.format(Locale.ROOT, "%s: %d masks -> %s", name, result.masks().size(),
                    outputs.outputFor(image).getFileName()), System.nanoTime() - start);
        }
        return new Summary(written, skipped, failures, null);
    }

    /** Generates one image's masks (embedding through the cache). */
    private AmgResult generate(Path image, RgbImage rgb) throws IOException {
        String name = image.getFileName().toString();
        CachedEmbeddings.Whole whole = embeddings.whole(image, rgb);
        try (ImageEmbedding embedding = whole.embedding()) {
            SamCropDecoders decoders = new SamCropDecoders(predictor, embedding, embeddings.crops(image, rgb),
                    settings.pointsPerBatch());
            return generator.generate(decoders, rgb.size(), (done, total) -> progress.onPrompts(name, done, total),
                    cancelled::get);
        }
    }
}
