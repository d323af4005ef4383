package org.samannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.samannotator.core.auto.AmgSettings;
import org.samannotator.core.auto.AutoImagePass;
import org.samannotator.core.auto.CachedEmbeddings;
import org.samannotator.core.auto.Sa1bToCoco;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.sam.SamModelException;
import org.samannotator.core.sam.SamPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auto}: "segment everything" on an image or a folder of images, one SA-1B JSON per image (and
 * optionally one COCO file). Resumable: images whose output is up to date are skipped. Every file is written
 * atomically, so Ctrl+C, a kill or a full disk never leaves a partial file.
 */
@Command(name = "auto", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generate masks for everything in an image or a folder of images (SAM's automatic mask "
                + "generator); writes one SA-1B style JSON per image.")
final class AutoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Mixin
    AmgOptions amgOptions;

    @Parameters(index = "0", paramLabel = "IMAGE|FOLDER", description = "An image, or a folder of images (not recursive).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder for NAME.json per image (default: auto-masks next to the images).")
    Path outDir;

    @Option(names = "--coco", paramLabel = "OUT.json", description = "Also write all images' masks as one COCO file.")
    Path coco;

    @Option(names = "--no-cache", description = "Do not use the on-disk embedding cache.")
    boolean noCache;

    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AmgSettings settings = settings();
        try {
            List<Path> images = listImages(input);
            AutoOutputs outputs = new AutoOutputs(outDir != null ? outDir
                    : (Files.isDirectory(input) ? input : input.toAbsolutePath().getParent()).resolve("auto-masks"));
            ModelOption.LoadedPredictor loaded = modelOption.loadPredictor(out);
            try (SamPredictor predictor = loaded.predictor()) {
                outputs.prepare(AutoImagePass.settingsText(predictor.modelId(), settings));
                Thread worker = Thread.currentThread();
                Thread hook = new Thread(() -> stopOnSignal(worker));
                Runtime.getRuntime().addShutdownHook(hook);
                AutoRun run = new AutoRun(predictor, settings, outputs, images,
                        new CachedEmbeddings(predictor, noCache ? null : EmbeddingCache.openDefault()),
                        new AutoProgressBar(out, System.console() != null, images.size()), cancelled);
                AutoRun.Summary summary = run.runAll();
                removeHook(hook);
                return finish(out, err, summary, outputs, images);
            }
        } catch (IOException | ModelManifestException | SamModelException | IllegalArgumentException e) {
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("\\R", " "));
            err.flush();
            return 1;
        }
    }

    private int finish(PrintWriter out, PrintWriter err, AutoRun.Summary summary, AutoOutputs outputs, List<Path> images)
            throws IOException {
        out.printf(Locale.ROOT, "Done: %d written, %d up to date (skipped), %d failed; output in %s%n",
                summary.written(), summary.skipped(), summary.failures().size(), outputs.directory());
        for (String failure : summary.failures()) {
            out.println("  failed: " + failure);
        }
        if (summary.stopReason() != null) {
            err.println("error: run stopped: " + summary.stopReason() + "; every finished image's file is intact. "
                    + "Free some space (or fix the output folder) and run the same command again to continue.");
            err.flush();
            return 1;
        }
        if (coco != null) {
            List<Path> done = images.stream().filter(outputs::isUpToDate).map(outputs::outputFor).toList();
            Sa1bToCoco.write(coco, done);
            out.println("COCO written to " + coco + " (" + done.size() + " images)");
        }
        out.flush();
        return summary.failures().isEmpty() ? 0 : 3;
    }

    /** Ctrl+C / SIGTERM: stop at the next batch; files are atomic, so nothing partial is left either way. */
    private void stopOnSignal(Thread worker) {
        cancelled.set(true);
        try {
            worker.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private AmgSettings settings() {
        try {
            return amgOptions.toSettings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The image itself, or the folder's supported images sorted by name. */
    static List<Path> listImages(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new IOException(input + " is neither an image file nor a folder");
        }
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(input)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && ImageLoader.isSupportedImageFile(file)) {
                    images.add(file);
                }
            }
        }
        images.sort(null);
        if (images.isEmpty()) {
            throw new IOException(input + " has no image files (" + ImageLoader.supportedExtensions() + ")");
        }
        return images;
    }
}
