package org.samannotator.reliability.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.ProjectData;
import org.samannotator.core.annotation.ProjectStore;
import org.samannotator.core.annotation.PromptSet;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;

/**
 * Scale of a folder: IMAGES 640x480 images (hard links to one file) with OBJECTS objects each in the project
 * file, opened in the real {@link AnnotationSession}; measures opening the folder (list, lock, load the
 * project), switching images (until the pixels are shown; the model is not loaded, embeddings are not part
 * of this figure) and one autosave (a status change written to disk), with the resident set and the heap
 * after GC. Opening is also given as the CPU time of the process, which a loaded machine does not inflate;
 * the first opening runs cold code in a fresh JVM (after the image format plugins were registered, as the app
 * does at its start), and the folder is then opened again 3 times (the median: warm code, as when the
 * annotator comes back to a folder). {@code java ... FolderScaleBench ROOT IMAGES OBJECTS} prints one Markdown
 * table row: images x objects, project file, first opening, opening again, switch, autosave, RSS, peak RSS,
 * heap after GC. An optional fourth argument SUGGESTIONS adds that many pre-annotation suggestions to every
 * image (in the folder ROOT/images-IMAGES-sSUGGESTIONS).
 *
 * <p>The first opening uses the project index when the folder has one (every save writes it; the first cell
 * says "index" or "scanned"); {@code -Dscale.scan=true} deletes it first, to time the scan of the project file
 * as after an older version of the app. Before timing, the bench does what the app has done by the time it
 * opens a folder: image format plugins registered, logging started, a JSON file read (the settings).
 */
public final class FolderScaleBench {
    private FolderScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int images = Integer.parseInt(args[1]);
        int objects = Integer.parseInt(args[2]);
        int suggestions = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path folder = root.resolve("images-" + images + (suggestions > 0 ? "-s" + suggestions : ""));
        List<String> files = makeFolder(folder, images, objects, suggestions);
        QueueExecutor ui = new QueueExecutor();
        AnnotationSession session = new AnnotationSession(() -> {
            throw new IllegalStateException("no model in this benchmark");
        }, null, ui);
        // as the app has done when it opens a folder: formats registered, logging started, settings read (JSON)
        org.samannotator.core.image.ImageLoader.prepareFormats();
        org.slf4j.LoggerFactory.getLogger(FolderScaleBench.class).debug("started");
        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"settings\": 1}");
        ProjectStore store = new ProjectStore(folder);
        if (Boolean.getBoolean("scale.scan")) {
            Files.deleteIfExists(store.indexFile());
        }
        String firstOpening = Files.exists(store.indexFile()) ? "index" : "scanned";
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        boolean opened = session.openFolder(folder, Optional.empty(), () -> true).opened();
        double openMillis = (System.nanoTime() - t0) / 1e6;
        double openCpuMillis = (processCpuNanos() - cpu0) / 1e6;
        if (!opened) {
            throw new IllegalStateException("folder did not open");
        }
        double[] switches = new double[20];
        for (int i = 0; i < switches.length; i++) {
            long s = System.nanoTime();
            session.openImage(files.get((i * 7919) % files.size()));
            ui.runUntil(() -> session.displayImage().isPresent(), java.time.Duration.ofMinutes(2), "pixels");
            switches[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] saves = new double[5];
        for (int i = 0; i < saves.length; i++) {
            long s = System.nanoTime();
            // a real change every time (the folder may have been benchmarked before)
            var project = session.project().orElseThrow();
            ImageStatus status = project.image(files.get(i)).status();
            project.setStatus(files.get(i), status == ImageStatus.DONE ? ImageStatus.IN_PROGRESS : ImageStatus.DONE);
            session.flushSaves();
            saves[i] = (System.nanoTime() - s) / 1e6;
        }
        ui.drain();
        double[] reopens = new double[3];
        for (int i = 0; i < reopens.length; i++) {
            long s = System.nanoTime();
            session.openFolder(folder, Optional.empty(), () -> true);
            reopens[i] = (System.nanoTime() - s) / 1e6;
        }
        ui.drain();
        ProcessStats stats = ProcessStats.now(true);
        System.out.printf(Locale.ROOT, "| %d x %d | %.1f MB | %.0f ms (CPU %.0f ms, %s) | %.0f ms | %.0f ms | %.0f ms | %d MB"
                + " | %d MB | %.0f MB |%n", images, objects,
                Files.size(store.projectFile()) / 1048576.0, openMillis, openCpuMillis, firstOpening,
                median(reopens),
                median(switches), median(saves), stats.rssKb() / 1024, stats.peakRssKb() / 1024,
                stats.heapAfterGcBytes() / 1048576.0);
        session.close();
    }

    /** CPU time of the whole process (all threads: the session's, the saver's, GC and JIT compilers). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The folder and its project file, written once (the masks are discs at varying places; each image also
     * gets {@code suggestions} generated suggestions, as after Image > Pre-annotate folder).
     */
    private static List<String> makeFolder(Path folder, int images, int objects, int suggestions) throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= images; i++) {
            files.add(String.format(Locale.ROOT, "img%05d.png", i));
        }
        if (Files.exists(folder)) {
            return files;
        }
        Files.createDirectories(folder);
        Path first = folder.resolve(files.get(0));
        javax.imageio.ImageIO.write(SyntheticImages.image(1, 640, 480), "png", first.toFile());
        for (int i = 1; i < images; i++) {
            Files.createLink(folder.resolve(files.get(i)), first);
        }
        Size size = new Size(640, 480);
        BitMask[] masks = new BitMask[objects];
        for (int k = 0; k < objects; k++) {
            int cx = 40 + 28 * k;
            masks[k] = BitMask.fromPredicate(size, (x, y) -> Math.hypot(x - cx, y - 240) < 30);
        }
        org.samannotator.core.annotation.StoredMask[] stored = new org.samannotator.core.annotation.StoredMask[objects];
        for (int k = 0; k < objects; k++) {
            stored[k] = org.samannotator.core.annotation.StoredMask.of(masks[k]);
        }
        List<ImageAnnotations> annotations = new ArrayList<>();
        long id = 1;
        for (String file : files) {
            List<AnnotatedObject> list = new ArrayList<>();
            for (int k = 0; k < objects; k++) {
                list.add(new AnnotatedObject(id++, 1, masks[k], new PromptSet(List.of(), Optional.empty()),
                        OptionalDouble.empty(), 1));
            }
            List<org.samannotator.core.annotation.Suggestion> proposed = new ArrayList<>();
            for (int k = 0; k < suggestions; k++) {
                proposed.add(new org.samannotator.core.annotation.Suggestion(k + 1, Optional.of(stored[k % objects]),
                        new PromptSet(List.of(), Optional.empty()), OptionalDouble.of(0.9), OptionalDouble.of(0.95),
                        java.util.OptionalInt.empty(), org.samannotator.core.annotation.Suggestion.Source.GENERATED));
            }
            annotations.add(ImageAnnotations.empty(file).withSize(size).withObjects(list).withSuggestions(proposed));
        }
        new ProjectStore(folder).save(new ProjectData(List.of(new Category(1, "object", 0xff0000)), annotations,
                Optional.of(files.get(0)), id));
        return files;
    }
}
