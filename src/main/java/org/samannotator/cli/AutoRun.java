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
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.CachedEmbeddings;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;

/**
 * One {@code auto} run over a list of images: skips up-to-date outputs, reports unreadable images and goes
 * on, and stops cleanly (finished files intact) when an output cannot be written or on Ctrl+C.
 */
final class AutoRun {
    private final AutoImagePass pass;
    private final AutoOutputs outputs;
    private final List<Path> images;
    private final AutoProgressBar progress;
    private final AtomicBoolean cancelled;

    /** What a run did; {@code stopReason} is set when it stopped before the end. */
    record Summary(int written, int skipped, List<String> failures, String stopReason) {
    }

    AutoRun(SamPredictor predictor, AmgSettings settings, AutoOutputs outputs, List<Path> images,
            CachedEmbeddings embeddings, AutoProgressBar progress, AtomicBoolean cancelled) {
        this.pass = new AutoImagePass(predictor, settings, embeddings);
        this.outputs = outputs;
        this.images = images;
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
            AutoImagePass.Sa1bImage result;
            try {
                result = pass.generate(image, name, i + 1, (done, total) -> progress.onPrompts(name, done, total),
                        cancelled::get);
            } catch (IOException | SamModelException e) {
                failures.add(name + ": " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
                progress.onImageDone(name + ": FAILED, skipped (" + e.getMessage() + ")", 0);
                continue;
            } catch (CancellationException e) {
                return new Summary(written, skipped, failures, "interrupted");
            }
            try {
                AtomicFiles.writeBytes(outputs.outputFor(image), result.toJsonBytes());
            } catch (IOException e) {
                return new Summary(written, skipped, failures, "cannot write " + outputs.outputFor(image) + ": "
                        + AutoOutputs.describe(e));
            }
            written++;
            progress.onImageDone(String.format(Locale.ROOT, "%s: %d masks -> %s", name, result.result().masks().size(),
                    outputs.outputFor(image).getFileName()), System.nanoTime() - start);
        }
        return new Summary(written, skipped, failures, null);
    }
}
