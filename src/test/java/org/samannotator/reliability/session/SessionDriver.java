package org.samannotator.reliability.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.CocoExchange;
import org.samannotator.core.coco.CocoDataset;
import org.samannotator.core.coco.CocoImage;
import org.samannotator.core.coco.CocoReader;
import org.samannotator.core.coco.SegmentationEncoding;
import org.samannotator.core.embedding.EmbeddingCache;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.model.TestModels;
import org.samannotator.core.refine.ClickLevers;
import org.samannotator.core.refine.ClickSegmenter;
import org.samannotator.core.sam.SamPredictor;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.FolderOutcome;
import org.samannotator.core.session.ImageState;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;
import org.samannotator.gui.QueueExecutor;
import org.samannotator.gui.SyntheticImages;

/**
 * A scripted annotation session on the real {@link AnnotationSession} with the real default SAM model, run
 * in a child JVM by {@link CrashHarnessIT} (which SIGKILLs it) and {@link SoakIT} (which lets it run for a
 * set time). It opens the folder, then repeats random user actions: clicks on the synthetic objects with a
 * brush stroke now and then, accept, undo, image switches (with pre-encoding of the next images), hover,
 * COCO export and COCO import, recording every step in a {@link Journal}. Arguments are {@code key=value}:
 * {@code folder, cache, journal, seconds, seed, statsEvery (s, 0 = never), bound (max objects per image)}.
 */
public final class SessionDriver {
    /** How long one step may wait for the model (long: a soak at nice 19 on a shared machine is starved for minutes). */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("driver.waitSeconds", 1800));

    private final Map<String, String> options;
    private final Path folder;
    private final Journal journal;
    private final Random random;
    private final QueueExecutor ui = new QueueExecutor();
    private final AnnotationSession session;
    /** Object-count changes of the undoable actions done in this run, newest first. */
    private final Deque<Map<String, Integer>> undoable = new ArrayDeque<>();
    private final int bound;
    private long actions;

    private SessionDriver(Map<String, String> options) throws Exception {
        this.options = options;
        this.folder = Path.of(options.get("folder"));
        this.journal = new Journal(Path.of(options.get("journal")));
        this.random = new Random(Long.parseLong(options.getOrDefault("seed", "1")));
        this.bound = Integer.parseInt(options.getOrDefault("bound", "20"));
        EmbeddingCache cache = new EmbeddingCache(Path.of(options.get("cache")), EmbeddingCache.DEFAULT_MAX_BYTES);
        session = new AnnotationSession(() -> new ClickSegmenter(SamPredictor.load(TestModels.defaultModel()),
                ClickLevers.plain()), cache, ui);
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                if (change == SessionChange.MODEL_STATUS) {
                    journal.line("model " + session.status().model().state(), false);
                }
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        SessionDriver driver = new SessionDriver(options);
        driver.run(Long.parseLong(options.getOrDefault("seconds", "1000000")),
                Long.parseLong(options.getOrDefault("statsEvery", "0")));
        System.exit(0);
    }

    private void run(long seconds, long statsEvery) throws Exception {
        long start = System.nanoTime();
        journal.line("phase open-folder", false);
        FolderOutcome outcome = session.openFolder(folder, Optional.empty(), () -> true);
        journal.line(outcome.opened() ? "opened " + ProjectState.of(project().snapshot()).exact()
                : "open-failed " + outcome.alert().orElse(""), true);
        if (!outcome.opened()) {
            return;
        }
        session.setUpcomingImages(this::upcoming);
        journal.line("phase encode", false);
        session.openStartImage(Optional.empty(), () -> Optional.of(session.files().get(0)));
        awaitReady();
        long nextStats = 0;
        List<String> threads = ProcessStats.threadNames();
        while (elapsed(start) < seconds) {
            if (statsEvery > 0 && elapsed(start) >= nextStats) {
                journal.line(ProcessStats.now(true).line(elapsed(start)), true);
                List<String> now = ProcessStats.threadNames();
                String change = ProcessStats.threadChange(threads, now); // names what a thread count change is
                if (!change.isEmpty()) {
                    journal.line("threads " + elapsed(start) + " " + change, true);
                }
                threads = now;
                nextStats += statsEvery;
            }
            step();
            ui.drain();
        }
        journal.line(ProcessStats.now(true).line(elapsed(start)), true);
        String change = ProcessStats.threadChange(threads, ProcessStats.threadNames());
        if (!change.isEmpty()) {
            journal.line("threads " + elapsed(start) + " " + change, true);
        }
        journal.line("phase close", false);
        session.close();
        journal.line("closed " + actions, true);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private AnnotationProject project() {
        return session.project().orElseThrow();
    }

    private List<String> upcoming() {
        List<String> files = session.files();
        int at = files.indexOf(session.currentFile().orElse(""));
        return java.util.stream.IntStream.rangeClosed(1, AnnotationSession.PRE_ENCODE_COUNT)
                .mapToObj(i -> files.get((at + i) % files.size())).toList();
    }

    private void step() throws Exception {
        actions++;
        String current = session.currentFile().orElseThrow();
        if (project().image(current).objects().size() >= bound) {
            undoOrDelete();
            return;
        }
        int dice = random.nextInt(100);
        if (dice < 45) {
            prompt(current);
        } else if (dice < 60) {
            undoOrDelete();
        } else if (dice < 75) {
            switchImage();
        } else if (dice < 82) {
            hover(current);
        } else if (dice < 91) {
            export();
        } else {
            importCoco();
        }
    }

    /** A click on one of the image's objects (a background click or a brush stroke now and then), then accept. */
    private void prompt(String file) {
        int index = imageIndex(file);
        int[] target = random.nextBoolean() ? SyntheticImages.discCentre(index) : centreOf(SyntheticImages.rectangle(index));
        ImagePoint p = new ImagePoint(target[0] + random.nextInt(21) - 10, target[1] + random.nextInt(21) - 10);
        journal.line("phase decode", false);
        session.click(p, false, 3);
        if (random.nextInt(4) == 0) {
            session.click(new ImagePoint(20 + random.nextInt(40), 20 + random.nextInt(40)), true, 3);
        }
        awaitDecoded();
        if (random.nextInt(3) == 0) {
            session.paint(List.of(p, new ImagePoint(p.x() + 25, p.y() + 5)), 6, false);
        }
        persistent("accept", Map.of(file, 1), session::accept);
    }

    private static int[] centreOf(int[] rect) {
        return new int[] {rect[0] + rect[2] / 2, rect[1] + rect[3] / 2};
    }

    private void undoOrDelete() {
        if (project().canUndo() && !undoable.isEmpty()) {
            Map<String, Integer> inverse = new HashMap<>();
            undoable.peek().forEach((file, n) -> inverse.put(file, -n));
            persistent("undo", inverse, session::undo);
            awaitReady();
            return;
        }
        String current = session.currentFile().orElseThrow();
        project().image(current).objects().stream().findFirst().ifPresent(o -> {
            session.selection().select(o.id());
            persistent("delete", Map.of(current, -1), session::deleteSelected);
        });
    }

    /**
     * Runs an action that changes the saved project: {@code intent} with the object counts it leads to is
     * forced to the journal first, then the action runs, then the autosave is flushed and {@code ack} with
     * the exact saved state is forced to the journal.
     */
    private void persistent(String name, Map<String, Integer> delta, Runnable action) {
        Map<String, Integer> before = ProjectState.of(project().snapshot()).counts();
        Map<String, Integer> expected = new TreeMap<>(before);
        delta.forEach((file, n) -> expected.merge(file, n, Integer::sum));
        expected.values().removeIf(n -> n == 0);
        journal.line("intent " + actions + " " + name + " " + ProjectState.countsToken(expected), true);
        journal.line("phase autosave", false);
        action.run();
        awaitDecoded();
        ui.drain();
        session.flushSaves();
        ui.drain();
        if (session.autosaver().orElseThrow().hasUnsavedChanges()) {
            journal.line("save-failed " + session.status().save().message(), true);
            return;
        }
        ProjectState saved = ProjectState.of(project().snapshot());
        journal.line("ack " + actions + " " + saved.exact(), true);
        if (!saved.counts().equals(expected) && !saved.counts().equals(before)) {
            journal.line("mispredicted " + actions + " " + ProjectState.countsToken(saved.counts()), true);
        }
        if (!saved.counts().equals(before)) {
            if (name.equals("undo")) {
                undoable.pop();
            } else {
                undoable.push(delta);
                while (undoable.size() > org.samannotator.core.annotation.UndoHistory.LIMIT) {
                    undoable.removeLast();
                }
            }
        }
        session.discard();
        journal.line("phase idle", false);
    }

    private void switchImage() {
        List<String> files = session.files();
        String next = files.get(random.nextInt(files.size()));
        journal.line("phase encode", false);
        session.openImage(next);
        awaitReady();
        journal.line("phase idle", false);
    }

    private void hover(String file) {
        int[] c = SyntheticImages.discCentre(imageIndex(file));
        session.hover(new ImagePoint(c[0], c[1]));
        ui.runUntil(() -> true, WAIT, "hover");
        session.clearHover();
    }

    private void export() throws Exception {
        journal.line("phase export", false);
        CocoExchange.ExportSummary summary = CocoExchange.export(project(), folder, session.files(),
                exportFile(), SegmentationEncoding.RLE);
        journal.line("exported " + summary.annotations(), true);
        journal.line("phase idle", false);
    }

    private Path exportFile() {
        return folder.resolveSibling("export.json");
    }

    /** Imports the last export again (its objects are added), when that keeps the images within the bound. */
    private void importCoco() throws Exception {
        Path source = exportFile();
        if (!Files.exists(source)) {
            return;
        }
        journal.line("phase import", false);
        CocoDataset dataset = CocoReader.read(source);
        Map<String, Integer> delta = new HashMap<>();
        for (CocoImage image : dataset.images()) {
            int n = dataset.annotationsOf(image.id()).size();
            if (n > 0 && session.files().contains(image.fileName())) {
                delta.put(image.fileName(), n);
            }
        }
        boolean fits = delta.entrySet().stream()
                .allMatch(e -> project().image(e.getKey()).objects().size() + e.getValue() <= bound);
        if (delta.isEmpty() || !fits) {
            journal.line("phase idle", false);
            return;
        }
        persistent("import", delta, () -> {
            try {
                CocoExchange.importFile(project(), folder, session.files(), source);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void awaitReady() {
        ui.runUntil(() -> session.imageState() != ImageState.LOADING && session.imageState() != ImageState.ENCODING,
                WAIT, "image ready");
        String message = session.status().message();
        journal.line("ready " + session.currentFile().orElse("?") + " " + session.imageState() + " "
                + (message.startsWith("Ready (embedding from cache)") ? "cache" : "computed"), true);
        if (session.imageState() != ImageState.READY) {
            throw new IllegalStateException("image not ready: " + message);
        }
    }

    private void awaitDecoded() {
        ui.runUntil(() -> session.candidate().map(c -> !c.isDecodePending()).orElse(true), WAIT, "decoder");
    }

    private static int imageIndex(String file) {
        return Integer.parseInt(file.replaceAll("\\D", ""));
    }
}
