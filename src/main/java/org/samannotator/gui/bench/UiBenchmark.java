package org.samannotator.gui.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.samannotator.core.eval.BenchmarkImages;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;

/**
 * Click-to-overlay benchmark of the real app: for each image size it writes the synthetic benchmark image
 * ({@link BenchmarkImages#synthetic}) as a PNG into a temporary folder, opens that folder in the app's
 * {@code MainWindow} with the installed default model, waits for the embedding, then clicks on the object
 * (warm-up clicks first) and times each click from the mouse release until the candidate is on screen.
 * Every click is a fresh one-point prompt: the previous candidate is discarded first (Esc), so each sample
 * is one decoder run with its alternative masks, as in the app.
 *
 * <p>This is the entry point for the CLI; its signature has no JavaFX types. It starts the JavaFX toolkit
 * if needed and leaves it running (the CLI exits the JVM afterwards).
 */
public final class UiBenchmark {
    /** Golden angle (radians): successive clicks spread evenly around the object's centre. */
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    private UiBenchmark() {
    }

    /** Runs the benchmark; {@code progress} receives one line per step (from the calling thread). */
    public static UiBenchResult run(UiBenchSettings settings, Consumer<String> progress) throws UiBenchmarkException {
        Path root;
        try {
            root = Files.createTempDirectory("sam-annotator-bench-ui");
        } catch (IOException e) {
            throw new UiBenchmarkException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        try {
            ToolkitStarter.start(settings.headless());
            try (BenchSession session = BenchSession.open(settings.models(), root, settings.levers(), progress)) {
                List<UiBenchResult.SizeResult> results = new ArrayList<>();
                for (Size size : settings.sizes()) {
                    Path folder = writeImageFolder(root, size);
                    results.add(measureSize(session, folder, size, settings, false, progress));
                    if (settings.duringPreannotation()) {
                        results.add(measureSize(session, folder, size, settings, true, progress));
                    }
                }
                double[] scene = session.sceneSize();
                double[] canvas = session.canvasSize();
                return new UiBenchResult(session.modelId(), session.windowing(), session.renderer(),
                        settings.headless(), (int) scene[0], (int) scene[1], (int) canvas[0], (int) canvas[1],
                        settings, results);
            }
        } finally {
            deleteQuietly(root);
        }
    }

    private static UiBenchResult.SizeResult measureSize(BenchSession session, Path folder, Size size,
            UiBenchSettings settings, boolean duringPreannotation, Consumer<String> progress)
            throws UiBenchmarkException {
        progress.accept("Opening the " + size + " image (model load and encoder)..."
                + (duringPreannotation ? " Clicks while a pre-annotation runs:" : ""));
        session.openAndWait(folder);
        int total = settings.warmup() + settings.calls();
        List<UiBenchResult.ClickSample> samples = new ArrayList<>();
        int restarts = 0;
        for (int i = 0; i < total; i++) {
            if (duringPreannotation) {
                restarts += session.ensurePreannotating() ? 1 : 0;
            }
            UiBenchResult.ClickSample sample = session.click(clickPoint(size, i));
            if (i >= settings.warmup()) {
                samples.add(sample);
            }
            if ((i + 1) % 20 == 0 || i + 1 == total) {
                progress.accept(String.format(Locale.ROOT, "  %s: %d/%d clicks (last %.1f ms)", size, i + 1, total,
                        sample.overlayMillis()));
            }
        }
        if (duringPreannotation) {
            session.stopPreannotating();
            progress.accept("  pre-annotation (re)started " + restarts + " times during the clicks");
        }
        return new UiBenchResult.SizeResult(size, session.displayScale(), samples, duringPreannotation);
    }

    /** The i-th click: on a golden-angle spiral inside the object, 15 to 65 % of the way to its edge. */
    static ImagePoint clickPoint(Size size, int i) {
        double spread = i * 0.6180339887498949 % 1.0;
        return BenchmarkImages.pointInObject(size, 0.15 + 0.5 * spread, i * GOLDEN_ANGLE);
    }

    /** Writes the synthetic benchmark image of {@code size} as the only PNG of a new folder; returns the folder. */
    static Path writeImageFolder(Path root, Size size) throws UiBenchmarkException {
        Path folder = root.resolve(size.toString());
        Path file = folder.resolve("bench-" + size + ".png");
        try {
            Files.createDirectories(folder);
            RgbImage pixels = BenchmarkImages.synthetic(size);
            BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, size.width(), size.height(), pixels.argb(), 0, size.width());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return folder;
        } catch (IOException e) {
            throw new UiBenchmarkException("cannot write the benchmark image " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
